package dev.muster.jobs.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
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
        nullable(json, "command", job.command());
        nullable(json, "reason", job.reason());
        nullable(json, "idempotencyKey", job.idempotencyKey());
        nullable(json, "exitCode", job.exitCode());
        nullable(json, "timeoutSeconds", job.timeoutSeconds());
        nullable(json, "workerId", job.workerId());
        nullable(json, "workspace", job.workspaceId());
        instant(json, "submittedAt", job.submittedAt());
        instant(json, "startedAt", job.startedAt());
        instant(json, "finishedAt", job.finishedAt());
        result(json, job.result());
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

    /** A js job's returned value, or what it threw; null for shell jobs and jobs that have not reported. */
    private static void result(JsonObjectBuilder json, JobResult result) {
        if (result.resultJson() == null) {
            json.addNull("result");
        } else {
            try (JsonReader reader = Json.createReader(new StringReader(result.resultJson()))) {
                json.add("result", reader.readValue());
            }
        }
        if (result.errorMessage() == null && result.errorStack() == null) {
            json.addNull("error");
        } else {
            JsonObjectBuilder error = Json.createObjectBuilder();
            nullable(error, "message", result.errorMessage());
            nullable(error, "stack", result.errorStack());
            json.add("error", error);
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        nullable(json, name, value == null ? null : value.toString());
    }
}
