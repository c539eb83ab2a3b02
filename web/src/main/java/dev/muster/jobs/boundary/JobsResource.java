package dev.muster.jobs.boundary;

import dev.muster.security.boundary.CurrentCaller;
import dev.muster.security.boundary.Allowed;
import dev.muster.jobs.control.JobCancellation;
import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.control.JobSubmission;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.jobs.entity.JobState;
import dev.muster.logs.control.LogStore;
import dev.muster.logs.entity.LogChunk;
import dev.muster.logs.entity.LogWindow;
import dev.muster.platform.Refused;
import dev.muster.security.boundary.Allowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The client API for jobs: submit, look up, list, read logs. */
@Path("v1/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed("viewer")
public class JobsResource {

    /** Chunks per database read; a chunk holds at most 256 KiB, so a batch stays within a few tens of MiB. */
    private static final int LOG_BATCH = 100;
    /** A page of /log/chunks stops growing past this many characters: a follower asks again for the rest. */
    private static final int CHUNK_PAGE_CHARS = 1024 * 1024;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    JobSubmission submission;

    @Inject
    JobQueries queries;

    @Inject
    JobCancellation cancellation;

    @Inject
    LogStore logs;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    /**
     * 201 only after the job row and its queue message have committed together. With an idempotency key (header or
     * field) already used, 200 and the job it created.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed("operator")
    public Response submit(@HeaderParam(IDEMPOTENCY_KEY) String key,
                           @NotNull(message = "a JSON job is required, e.g. {\"command\": \"echo hi\"}") @Valid JobSpec body) {
        JobSubmission.Submitted submitted = submission.submit(withHeaderKey(body, key), caller.name());
        JsonObject job = JobRepresentation.of(submitted.job());
        if (!submitted.created()) {
            return Response.ok(job).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(uriInfo.getBaseUriBuilder().path("v1/jobs").path(submitted.job().id()).build())
                .entity(job).build();
    }

    /**
     * Submits every job of the batch or none (one transaction): 201 with the jobs in the order given; 200 when every
     * one was an idempotent repeat. A job at fault is named with its index, e.g. {@code jobs[3].command}.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed("operator")
    public Response submitBatch(@NotNull(message = "a JSON batch is required, e.g. {\"jobs\": [{\"command\": \"echo hi\"}]}")
                                @Valid Batch body) {
        List<JobSubmission.Submitted> submitted = submission.submitAll(body.jobs(), null);
        JsonArrayBuilder jobs = Json.createArrayBuilder();
        submitted.forEach(one -> jobs.add(JobRepresentation.of(one.job())));
        boolean created = submitted.stream().anyMatch(JobSubmission.Submitted::created);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(Json.createObjectBuilder().add("jobs", jobs).build()).build();
    }

    /** The body of a batch submission; its size is limited by {@code muster.limits.batch-jobs}. */
    public record Batch(@NotNull(message = "is required: a list of jobs") List<@NotNull @Valid JobSpec> jobs) {
    }

    /** 200 when the job is cancelled, 202 when its worker has yet to stop it, 409 when it ended otherwise. */
    @POST
    @Path("{id}/cancel")
    @Allowed("operator")
    public Response cancel(@PathParam("id") String id) {
        Job job = cancellation.cancel(id);
        return Response.status(job.state() == JobState.CANCELLED ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(JobRepresentation.of(job)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject job(@PathParam("id") String id) {
        return JobRepresentation.of(queries.find(id));
    }

    @GET
    public JsonObject list(@QueryParam("state") String state,
                           @QueryParam("pool") String pool,
                           @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        JobQueries.Page found = queries.page(parseState(state), blankToNull(pool),
                QueryNumbers.parse("page", page, 0, 0, 1_000_000),
                QueryNumbers.parse("size", size, 20, 1, JobQueries.MAX_PAGE_SIZE));
        return JobRepresentation.page(found);
    }

    /** The current attempt's output, both streams in the order they were produced. */
    @GET
    @Path("{id}/log")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public StreamingOutput log(@PathParam("id") String id) {
        String attemptId = queries.find(id).currentAttemptId();
        return output -> {
            int after = -1;
            while (attemptId != null) {
                List<LogChunk> chunks = logs.after(attemptId, after, LOG_BATCH);
                for (LogChunk chunk : chunks) {
                    output.write(chunk.data().getBytes(StandardCharsets.UTF_8));
                    after = chunk.seq();
                }
                if (chunks.size() < LOG_BATCH) {
                    break;
                }
            }
        };
    }

    /** Log chunks after {@code after}, with the job's state, so a follower knows when to stop. */
    @GET
    @Path("{id}/log/chunks")
    public JsonObject chunks(@PathParam("id") String id, @QueryParam("after") String afterParam) {
        int after = QueryNumbers.parse("after", afterParam, -1, -1, Integer.MAX_VALUE);
        Job job = queries.find(id);
        JsonArrayBuilder chunks = Json.createArrayBuilder();
        int chars = 0;
        if (job.currentAttemptId() != null) {
            for (LogChunk chunk : logs.after(job.currentAttemptId(), after, LOG_BATCH)) {
                chunks.add(Json.createObjectBuilder()
                        .add("seq", chunk.seq()).add("stream", chunk.stream()).add("data", chunk.data()));
                chars += chunk.data().length();
                if (chars >= CHUNK_PAGE_CHARS) {
                    break;
                }
            }
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("jobId", job.id())
                .add("state", job.state().name())
                .add("attempt", job.attemptCount())
                .add("chunks", chunks);
        LogWindow window = job.currentAttemptId() == null ? null : logs.window(job.currentAttemptId());
        if (window != null && window.isTruncated()) {
            body.add("droppedBytes", window.droppedBytes()); // the marker chunk says where
        }
        if (job.exitCode() == null) {
            body.addNull("exitCode");
        } else {
            body.add("exitCode", job.exitCode());
        }
        return body.build();
    }

    private static JobSpec withHeaderKey(JobSpec body, String header) {
        if (header == null) {
            return body;
        }
        if (header.isEmpty() || header.length() > 200 || !header.matches(JobSpec.IDEMPOTENCY_KEY)) {
            throw Refused.invalid(IDEMPOTENCY_KEY, "must be 1-200 printable ASCII characters without spaces");
        }
        if (body.idempotencyKey() != null && !body.idempotencyKey().equals(header)) {
            throw Refused.invalid("idempotencyKey", "differs from the Idempotency-Key header; send one or make them equal");
        }
        return body.withIdempotencyKey(header);
    }

    private static JobState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JobState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("state", "must be one of " + Arrays.toString(JobState.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
