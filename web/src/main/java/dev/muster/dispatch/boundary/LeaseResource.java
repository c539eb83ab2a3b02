package dev.muster.dispatch.boundary;

import dev.muster.security.boundary.AccessRule;
import dev.muster.security.boundary.Allowed;
import dev.muster.dispatch.control.Assignment;
import dev.muster.workers.boundary.WorkerCredentials;
import dev.muster.workers.control.WorkerRegistry;
import dev.muster.workers.entity.Worker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/v1/workers/{id}/lease}: a worker with free slots long-polls for work. The request is suspended,
 * not blocked: no thread is held while it waits.
 */
@Path("v1/workers/{workerId}/lease")
@RequestScoped
@Allowed(AccessRule.WORKER)
public class LeaseResource {

    /** Answers a waiter the dispatcher has not reached in time, rather than letting the runtime send a 503. */
    private static final long SAFETY_MARGIN_SECONDS = 5;

    @Inject
    WorkerCredentials credentials;

    @Inject
    WorkerRegistry registry;

    @Inject
    LeaseWaiters waiters;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "muster.lease.max-wait-seconds", defaultValue = "60")
    int maxWaitSeconds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void lease(@PathParam("workerId") String workerId,
                      @NotNull(message = "a JSON lease request is required, e.g. {\"slots\": 1}") @Valid LeaseRequest body,
                      @Suspended AsyncResponse response) {
        Worker worker = credentials.authenticate(workerId);
        registry.seen(workerId);
        int waitSeconds = Math.min(body.waitSeconds() == null ? 30 : body.waitSeconds(), maxWaitSeconds);
        if (worker.isDraining()) {
            // No work for a draining worker, answered when its wait is over so that it does not ask again at once.
            answerEmptyAfter(waitSeconds, response);
            return;
        }
        LeaseWaiter waiter = new LeaseWaiter(worker, body.slots(), clock.instant().plusSeconds(waitSeconds), response);
        response.setTimeout(waitSeconds + SAFETY_MARGIN_SECONDS, TimeUnit.SECONDS);
        response.setTimeoutHandler(timedOut -> waiter.answer(leaseAnswer(List.of())));
        waiters.park(waiter);
    }

    private static void answerEmptyAfter(int waitSeconds, AsyncResponse response) {
        if (waitSeconds == 0) {
            response.resume(leaseAnswer(List.of()));
            return;
        }
        response.setTimeout(waitSeconds, TimeUnit.SECONDS);
        response.setTimeoutHandler(timedOut -> timedOut.resume(leaseAnswer(List.of())));
    }

    static Object leaseAnswer(List<Assignment> assignments) {
        JsonArrayBuilder jobs = Json.createArrayBuilder();
        for (Assignment assignment : assignments) {
            JsonObjectBuilder job = Json.createObjectBuilder()
                    .add("jobId", assignment.jobId())
                    .add("attemptId", assignment.attemptId())
                    .add("leaseToken", assignment.leaseToken())
                    .add("leaseExpiresAt", assignment.leaseExpiresAt().toString())
                    .add("kind", assignment.kind())
                    .add("env", parse(assignment.envJson()));
            nullable(job, "command", assignment.command() == null ? null : Json.createValue(assignment.command()));
            nullable(job, "timeoutSeconds", assignment.timeoutSeconds() == null ? null
                    : Json.createValue(assignment.timeoutSeconds()));
            nullable(job, "script", assignment.script() == null ? null : Json.createValue(assignment.script()));
            nullable(job, "input", assignment.inputJson() == null ? null : parse(assignment.inputJson()));
            nullable(job, "workspace", assignment.workspace() == null ? null : Json.createObjectBuilder()
                    .add("id", assignment.workspace().id())
                    .add("sizeBytes", assignment.workspace().sizeBytes())
                    .add("sha256", assignment.workspace().sha256()).build());
            jobs.add(job);
        }
        return Json.createObjectBuilder().add("jobs", jobs).build();
    }

    private static void nullable(JsonObjectBuilder json, String name, JsonValue value) {
        json.add(name, value == null ? JsonValue.NULL : value);
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public record LeaseRequest(@NotNull @Min(1) @Max(1024) Integer slots, @Min(0) @Max(3600) Integer waitSeconds) {
    }
}
