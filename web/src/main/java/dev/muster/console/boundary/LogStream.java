package dev.muster.console.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import dev.muster.logs.control.LogStore;
import jakarta.servlet.AsyncContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;

/**
 * One browser following one job's log as server-sent events. Every tick it reads what the database has after the
 * last chunk sent (chunks arrive there from any instance) and sends it as one event whose id is
 * {@code <attempt>/<seq>}, so a reconnecting {@code EventSource} resumes where it was. It ends once the job has
 * ended and everything is sent, when the browser goes away, or after {@link #MAX_TICKS} (the browser reconnects).
 */
final class LogStream {

    private static final System.Logger LOG = System.getLogger(LogStream.class.getName());
    /** With a tick every 250 ms, five minutes: a stream is renewed now and then rather than held for ever. */
    static final int MAX_TICKS = 1200;
    /** A comment line every 15 s keeps proxies from closing a quiet stream. */
    private static final int KEEP_ALIVE_TICKS = 60;

    private final String jobId;
    private final JobQueries queries;
    private final LogStore logs;
    private final AsyncContext async;
    private String attemptId;
    private int after;
    private String sentState;
    private int ticks;
    private int quietTicks;
    private boolean ended;

    LogStream(String jobId, String attemptId, int after, JobQueries queries, LogStore logs, AsyncContext async) {
        this.jobId = jobId;
        this.attemptId = attemptId;
        this.after = after;
        this.queries = queries;
        this.logs = logs;
        this.async = async;
    }

    /** @return false once the stream has ended and its ticks should stop */
    synchronized boolean tick() {
        if (ended) {
            return false;
        }
        try {
            Job job = queries.find(jobId);
            String current = job.currentAttemptId() == null ? "" : job.currentAttemptId();
            if (!current.equals(attemptId)) { // a retry's log starts afresh
                attemptId = current;
                after = -1;
                sentState = null;
            }
            LogFeedPage page = LogFeedPage.of(job, after,
                    current.isEmpty() ? List.of() : logs.after(current, after, LogFeedPage.BATCH));
            PrintWriter out = async.getResponse().getWriter();
            if (!page.html().isEmpty() || !Objects.equals(page.state(), sentState) || page.last()) {
                out.write("id: " + page.attemptId() + "/" + page.next() + "\ndata: " + page.json() + "\n\n");
                after = page.next();
                sentState = page.state();
                quietTicks = 0;
            } else if (++quietTicks % KEEP_ALIVE_TICKS == 0) {
                out.write(": keep-alive\n\n");
            }
            out.flush();
            if (out.checkError() || page.last() || ++ticks >= MAX_TICKS) {
                end();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "log stream of job " + jobId + " ended: " + e);
            end();
        }
        return !ended;
    }

    synchronized void end() {
        if (!ended) {
            ended = true;
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container ended it first (the browser went away)
            }
        }
    }
}
