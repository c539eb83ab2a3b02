package dev.muster.workers.boundary;

import dev.muster.dispatch.boundary.LeaseWaiters;
import dev.muster.dispatch.control.PoolSettings;
import dev.muster.jobs.control.AttemptReports;
import dev.muster.jobs.entity.Job;
import dev.muster.workers.control.WorkerRegistry;
import dev.muster.workers.control.WorkerSteering;
import dev.muster.security.boundary.AccessRule;
import dev.muster.security.boundary.CurrentCaller;
import dev.muster.security.boundary.Allowed;
import dev.muster.workers.entity.WorkerRegistration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The worker protocol apart from leasing (see {@code LeaseResource}): register (with an enrolment token), heartbeat,
 * log, complete, leave. Every call after registration is authenticated by the worker's secret and fenced by the
 * attempt's lease token. Also what operators do to workers: drain, resume, revoke.
 */
@Path("v1/workers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed(AccessRule.WORKER)
public class WorkersResource {

    @Inject
    WorkerRegistry registry;

    @Inject
    WorkerCredentials credentials;

    @Inject
    AttemptReports reports;

    @Inject
    PoolSettings pools;

    @Inject
    LeaseWaiters waiters;

    @Inject
    WorkerSteering steering;

    @Inject
    CurrentCaller caller;

    @POST
    @Allowed(AccessRule.ENROLMENT)
    public Response register(@NotNull(message = "a JSON registration is required") @Valid WorkerRegistration body) {
        WorkerRegistry.Registered registered = registry.register(body, caller.get().orElseThrow().id());
        JsonObject answer = Json.createObjectBuilder()
                .add("workerId", registered.worker().id())
                .add("secret", registered.secret())
                .add("leaseSeconds", pools.lease(body.pool()).toSeconds())
                .add("heartbeatSeconds", pools.heartbeat(body.pool()).toSeconds())
                .build();
        return Response.created(URI.create("/api/v1/workers/" + registered.worker().id())).entity(answer).build();
    }

    @POST
    @Path("{workerId}/heartbeat")
    public JsonObject heartbeat(@PathParam("workerId") String workerId,
                                @NotNull(message = "a JSON heartbeat is required") @Valid WorkerReports.Heartbeat body) {
        credentials.authenticate(workerId);
        registry.seen(workerId);
        AttemptReports.Beat beat = reports.heartbeat(workerId, body.leases());
        return Json.createObjectBuilder()
                .add("cancel", Json.createArrayBuilder(beat.cancel()))
                .add("stale", Json.createArrayBuilder(beat.stale()))
                .build();
    }

    @POST
    @Path("{workerId}/attempts/{attemptId}/log")
    public Response appendLog(@PathParam("workerId") String workerId, @PathParam("attemptId") String attemptId,
                              @NotNull(message = "a JSON log batch is required") @Valid WorkerReports.LogAppend body) {
        credentials.authenticate(workerId);
        reports.appendLog(workerId, attemptId, body.leaseToken(), body.chunks());
        return Response.noContent().build();
    }

    @POST
    @Path("{workerId}/attempts/{attemptId}/complete")
    public JsonObject complete(@PathParam("workerId") String workerId, @PathParam("attemptId") String attemptId,
                               @NotNull(message = "a JSON completion is required") @Valid WorkerReports.Complete body) {
        credentials.authenticate(workerId);
        Job job = reports.complete(workerId, attemptId, body.leaseToken(), body.completion());
        return Json.createObjectBuilder().add("jobId", job.id()).add("state", job.state().name()).build();
    }

    @DELETE
    @Path("{workerId}")
    public Response deregister(@PathParam("workerId") String workerId) {
        credentials.authenticate(workerId);
        waiters.dismiss(workerId);
        registry.deregister(workerId);
        return Response.noContent().build();
    }

    /** Finishes what it runs, takes nothing new until resumed. */
    @POST
    @Path("{workerId}/drain")
    @Allowed("operator")
    public Response drain(@PathParam("workerId") String workerId) {
        steering.drain(workerId);
        return Response.noContent().build();
    }

    @POST
    @Path("{workerId}/resume")
    @Allowed("operator")
    public Response resume(@PathParam("workerId") String workerId) {
        steering.resume(workerId);
        return Response.noContent().build();
    }

    /** Its secret stops working at once; what it runs ends as lost and is retried elsewhere. */
    @POST
    @Path("{workerId}/revoke")
    @Allowed("admin")
    public Response revoke(@PathParam("workerId") String workerId) {
        steering.remove(workerId);
        return Response.noContent().build();
    }
}
