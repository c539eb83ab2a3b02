package dev.muster.console.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import dev.muster.logs.control.LogStore;
import dev.muster.platform.Refused;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /console/log-feed?job=<id>&after=<seq>}: a job's log for the console, live.
 * <ul>
 *   <li>{@code Accept: text/event-stream} (the job page's {@code EventSource}): server-sent events, one per batch of
 *       new chunks or change of state, until the job has ended and all is sent ({@link LogStream}). A reconnect's
 *       {@code Last-Event-ID} ({@code <attempt>/<seq>}) says where to resume.</li>
 *   <li>otherwise: one JSON answer ({@link LogFeedPage}) with the chunks after {@code after}, for scripts.</li>
 * </ul>
 * Chunks reach PostgreSQL from whichever instance the worker talks to, so the stream reads them from there every
 * {@value #TICK_MILLIS} ms rather than waiting for a notification only one instance would see.
 */
@WebServlet(value = "/console/log-feed", asyncSupported = true)
public class LogFeedServlet extends HttpServlet {

    static final long TICK_MILLIS = 250;

    @Inject
    JobQueries queries;

    @Inject
    LogStore logs;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Job job;
        int after;
        String resumeAttempt = null;
        try {
            job = queries.find(request.getParameter("job"));
            after = Integer.parseInt(request.getParameter("after") == null ? "-1" : request.getParameter("after"));
            String lastEventId = request.getHeader("Last-Event-ID");
            if (lastEventId != null && lastEventId.indexOf('/') >= 0) {
                resumeAttempt = lastEventId.substring(0, lastEventId.lastIndexOf('/'));
                after = Integer.parseInt(lastEventId.substring(lastEventId.lastIndexOf('/') + 1));
            }
        } catch (NumberFormatException | Refused e) {
            response.setContentType("application/json;charset=utf-8");
            response.setStatus(e instanceof Refused refused ? refused.status() : HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(Json.createObjectBuilder().add("detail", String.valueOf(e.getMessage())).build().toString());
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            stream(request, response, job, resumeAttempt, after);
        } else {
            response.setContentType("application/json;charset=utf-8");
            LogFeedPage page = LogFeedPage.of(job, after, job.currentAttemptId() == null ? List.of()
                    : logs.after(job.currentAttemptId(), after, LogFeedPage.BATCH));
            response.getWriter().write(page.json().toString());
        }
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, Job job, String resumeAttempt,
                        int after) throws IOException {
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("X-Accel-Buffering", "no"); // a reverse proxy must pass events on at once
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the stream ends itself (LogStream.MAX_TICKS)
        String attempt = resumeAttempt != null ? resumeAttempt
                : job.currentAttemptId() == null ? "" : job.currentAttemptId();
        LogStream stream = new LogStream(job.id(), attempt, after, queries, logs, async);
        ScheduledFuture<?>[] ticking = new ScheduledFuture<?>[1];
        ticking[0] = scheduler.scheduleWithFixedDelay(() -> {
            if (!stream.tick() && ticking[0] != null) {
                ticking[0].cancel(false); // (if the very first tick ended it, the next one finds ticking set)
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                ticking[0].cancel(false);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.end();
            }

            @Override
            public void onError(AsyncEvent event) {
                stream.end();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }
}
