package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The worker half of the API, for one registered worker. It keeps the worker's credentials and registers
 * again when the server no longer knows the worker (401 or 404, e.g. after the server lost its state), then
 * repeats the call once with the new identity. Registration carries the enrolment token as its bearer token;
 * every later call the worker secret the registration returned. Thread-safe: the lease loop, the heartbeat and every running
 * attempt share one session.
 */
public final class WorkerSession {

    private static final System.Logger LOG = System.getLogger(WorkerSession.class.getName());

    /** Until a download's answer headers arrive; the body then takes as long as it takes. */
    private static final Duration DOWNLOAD_HEADERS_TIMEOUT = Duration.ofMinutes(2);

    private final HttpTransport transport;
    private final HttpTransport once;
    private final WorkerRegistration registration;
    private final String enrolmentToken;
    private volatile WorkerCredentials credentials;

    public WorkerSession(HttpTransport transport, WorkerRegistration registration) {
        this(transport, registration, null);
    }

    /** @param enrolmentToken sent as the bearer token of registrations; null for a server that needs none */
    public WorkerSession(HttpTransport transport, WorkerRegistration registration, String enrolmentToken) {
        this.transport = transport;
        this.once = transport.withRetry(RetryPolicy.tries(1, Backoff.DEFAULT));
        this.registration = registration;
        this.enrolmentToken = enrolmentToken;
    }

    /** Registers (again); the answer replaces the credentials every later call uses. */
    public synchronized WorkerCredentials register() {
        JsonObject answer = HttpTransport.json(transport.send(
                ApiRequest.post("/api/v1/workers", registration.toJson()).withBearer(enrolmentToken)));
        credentials = WorkerCredentials.fromJson(answer);
        LOG.log(Level.INFO, "registered as worker {0} in pool {1} with {2} slots",
                credentials.workerId(), registration.pool(), registration.slots());
        return credentials;
    }

    /** The current credentials, or null before the first registration. */
    public WorkerCredentials credentials() {
        return credentials;
    }

    /** Long-polls for up to {@code slots} jobs. */
    public List<LeasedJob> lease(int slots, int waitSeconds) {
        JsonObject body = Json.createObjectBuilder().add("slots", slots).add("waitSeconds", waitSeconds).build();
        JsonObject answer = asWorker(c -> HttpTransport.json(transport.send(
                post(c, "/lease", body).withTimeout(Duration.ofSeconds(waitSeconds + 15L)))));
        return JsonFields.objects(answer, "jobs").stream().map(LeasedJob::fromJson).toList();
    }

    /**
     * Tried once, never retried here: a heartbeat retried through an outage would at last arrive with the
     * attempts that ran when it was first sent. The heartbeat loop tries again with the attempts running then.
     *
     * @throws ServerUnreachableException when no server answered
     * @throws ProblemException when one refused, or answered with a server error (5xx)
     */
    public HeartbeatReply heartbeat(List<AttemptLease> running) {
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        running.forEach(lease -> attempts.add(lease.toJson()));
        JsonObject body = Json.createObjectBuilder().add("attempts", attempts).build();
        return HeartbeatReply.fromJson(asWorker(c -> HttpTransport.json(once.send(post(c, "/heartbeat", body)))));
    }

    /** Sends log chunks; resending is safe, the server ignores seqs it already has. */
    public void log(AttemptLease lease, List<LogChunk> chunks) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        chunks.forEach(chunk -> array.add(chunk.toJson()));
        JsonObject body = Json.createObjectBuilder().add("leaseToken", lease.leaseToken()).add("chunks", array).build();
        forAttempt(lease, c -> transport.send(post(c, "/attempts/" + MusterClient.encode(lease.attemptId()) + "/log",
                body)));
    }

    /**
     * Downloads the attempt's workspace archive into {@code target}, at most {@code maxBytes}, and returns its
     * size. The lease token goes in a header since a GET has no body; a 409 (the lease is no longer current) ends
     * in {@link LeaseLostException}. Interrupting the thread cancels the download.
     */
    public long workspace(AttemptLease lease, Path target, long maxBytes, LongConsumer progress) {
        return forAttempt(lease, c -> transport.download(ApiRequest.get(
                        workerPath(c, "/attempts/" + MusterClient.encode(lease.attemptId()) + "/workspace"))
                .withBearer(c.secret())
                .withHeader("Muster-Lease-Token", lease.leaseToken())
                .withTimeout(DOWNLOAD_HEADERS_TIMEOUT), target, maxBytes, progress));
    }

    public void complete(AttemptLease lease, Completion completion) {
        JsonObject body = completion.toJson(lease.leaseToken());
        forAttempt(lease, c -> transport.send(post(c,
                "/attempts/" + MusterClient.encode(lease.attemptId()) + "/complete", body)));
    }

    /** Says goodbye, trying as {@code retry} allows; a server that already forgot the worker is fine too. */
    public void deregister(RetryPolicy retry) {
        WorkerCredentials current = credentials;
        if (current == null) {
            return;
        }
        try {
            transport.withRetry(retry).send(ApiRequest.delete(workerPath(current, "")).withBearer(current.secret()));
        } catch (ProblemException e) {
            if (e.status() != 401 && e.status() != 404) {
                throw e;
            }
        }
    }

    private <T> T forAttempt(AttemptLease lease, Function<WorkerCredentials, T> call) {
        try {
            return asWorker(call);
        } catch (ProblemException e) {
            // 409 is the server's fencing answer. After a re-registration the attempt belongs to the worker's
            // old identity, so any refusal of the repeated call also means the lease is gone.
            if (e.status() == 409 || e.status() == 401 || e.status() == 403 || e.status() == 404) {
                throw new LeaseLostException(lease.attemptId());
            }
            throw e;
        }
    }

    private <T> T asWorker(Function<WorkerCredentials, T> call) {
        WorkerCredentials used = credentials != null ? credentials : registerUnlessDoneBy(null);
        try {
            return call.apply(used);
        } catch (ProblemException e) {
            if (e.status() != 401 && e.status() != 404) {
                throw e;
            }
            LOG.log(Level.WARNING, "server no longer knows worker {0} ({1}); registering again",
                    used.workerId(), e.getMessage());
            return call.apply(registerUnlessDoneBy(used));
        }
    }

    /** Several threads may see the 401 at once; only the first registers again. */
    private synchronized WorkerCredentials registerUnlessDoneBy(WorkerCredentials stale) {
        return credentials == stale ? register() : credentials;
    }

    private static ApiRequest post(WorkerCredentials c, String suffix, JsonObject body) {
        return ApiRequest.post(workerPath(c, suffix), body).withBearer(c.secret());
    }

    private static String workerPath(WorkerCredentials c, String suffix) {
        return "/api/v1/workers/" + MusterClient.encode(c.workerId()) + suffix;
    }
}
