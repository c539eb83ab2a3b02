package dev.muster.console.boundary;

import dev.muster.jobs.entity.Job;
import dev.muster.logs.entity.LogChunk;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * One answer of the console's log feed: the chunks of a job's current attempt after {@code after}, rendered as HTML
 * (stdout and stderr as separate classes, ANSI colours as spans), with the job's state. {@code next} is the last
 * chunk's sequence number, where the following answer continues; {@code more} says a full batch came.
 */
record LogFeedPage(String state, boolean terminal, String attemptId, int next, boolean more, String html) {

    /** Chunks per answer; a chunk holds at most 256 KiB, but is usually one batch of a few lines. */
    static final int BATCH = 200;

    static LogFeedPage of(Job job, int after, List<LogChunk> chunks) {
        StringBuilder html = new StringBuilder();
        int next = after;
        for (LogChunk chunk : chunks) {
            html.append("<span class=\"log-").append(chunk.stream()).append("\">")
                    .append(AnsiHtml.render(chunk.data())).append("</span>");
            next = chunk.seq();
        }
        return new LogFeedPage(job.state().name(), job.state().isTerminal(),
                job.currentAttemptId() == null ? "" : job.currentAttemptId(), next, chunks.size() >= BATCH,
                html.toString());
    }

    /** Nothing more will come: the job has ended and this answer held the rest. */
    boolean last() {
        return terminal && !more;
    }

    JsonObject json() {
        return Json.createObjectBuilder()
                .add("state", state)
                .add("terminal", terminal)
                .add("attemptId", attemptId)
                .add("next", next)
                .add("more", more)
                .add("html", html)
                .build();
    }
}
