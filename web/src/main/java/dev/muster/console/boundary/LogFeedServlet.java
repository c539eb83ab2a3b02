package dev.muster.console.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import dev.muster.logs.control.LogStore;
import dev.muster.logs.entity.LogChunk;
import dev.muster.platform.Refused;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /console/log-feed?job=<id>&after=<seq>}: the next log chunks of a job's current attempt, already
 * rendered as HTML (stdout and stderr as separate classes, ANSI colours as spans), with the job's state. The job
 * page's script asks every half second while the job runs, at once while {@code more} is true, and stops when the
 * job has ended and nothing is left. See the README's "Admin console" for why polling and not SSE.
 */
@WebServlet("/console/log-feed")
public class LogFeedServlet extends HttpServlet {

    /** Chunks per answer; a chunk holds at most 256 KiB, but is usually one batch of a few lines. */
    static final int BATCH = 200;

    @Inject
    JobQueries queries;

    @Inject
    LogStore logs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        Job job;
        int after;
        try {
            after = Integer.parseInt(request.getParameter("after") == null ? "-1" : request.getParameter("after"));
            job = queries.find(request.getParameter("job"));
        } catch (NumberFormatException | Refused e) {
            response.setStatus(e instanceof Refused refused ? refused.status() : HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(Json.createObjectBuilder().add("detail", String.valueOf(e.getMessage())).build().toString());
            return;
        }
        List<LogChunk> chunks = job.currentAttemptId() == null ? List.of() : logs.after(job.currentAttemptId(), after, BATCH);
        StringBuilder html = new StringBuilder();
        int next = after;
        for (LogChunk chunk : chunks) {
            html.append("<span class=\"log-").append(chunk.stream()).append("\">")
                    .append(AnsiHtml.render(chunk.data())).append("</span>");
            next = chunk.seq();
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("state", job.state().name())
                .add("terminal", job.state().isTerminal())
                .add("attemptId", job.currentAttemptId() == null ? "" : job.currentAttemptId())
                .add("next", next)
                .add("more", chunks.size() == BATCH)
                .add("html", html.toString());
        response.getWriter().write(body.build().toString());
    }
}
