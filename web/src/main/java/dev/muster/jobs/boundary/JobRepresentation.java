package dev.muster.jobs.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

/** A job as clients see it (see docs/protocol.md). Unknown values are JSON nulls, so the shape never changes. */
final class JobRepresentation {

    private JobRepresentation() {
    }

    static JsonObject of(Job job) {
        String self = "/api/v1/jobs/" + job.id();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        job.labels().values().forEach(labels::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", job.id())
                .add("kind", job.kind())
                .add("command", job.command())
                .add("pool", job.pool())
                .add("labels", labels)
                .add("priority", job.priority())
                .add("state", job.state().name())
                .add("attempts", job.attemptCount())
                .add("maxAttempts", job.retryPolicy().maxAttempts())
                .add("retryOnExitCodes", Json.createArrayBuilder(job.retryPolicy().exitCodes()))
                .add("retryBackoffSeconds", job.retryPolicy().backoffSeconds())
                .add("cancelRequested", job.isCancelRequested())
                .add("deadLettered", job.isDeadLettered());
        nullable(json, "reason", job.reason());
        nullable(json, "idempotencyKey", job.idempotencyKey());
        nullable(json, "exitCode", job.exitCode());
        nullable(json, "timeoutSeconds", job.timeoutSeconds());
        nullable(json, "workerId", job.workerId());
        instant(json, "submittedAt", job.submittedAt());
        instant(json, "startedAt", job.startedAt());
        instant(json, "finishedAt", job.finishedAt());
        return json.add("links", Json.createObjectBuilder()
                .add("self", self).add("log", self + "/log").add("cancel", self + "/cancel")).build();
    }

    /** A page of jobs, as every list of jobs answers. */
    static JsonObject page(JobQueries.Page found) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.items().forEach(job -> items.add(of(job)));
        return Json.createObjectBuilder()
                .add("items", items)
                .add("page", found.page())
                .add("size", found.size())
                .add("total", found.total())
                .build();
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        nullable(json, name, value == null ? null : value.toString());
    }
}
