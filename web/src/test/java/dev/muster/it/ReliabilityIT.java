package dev.muster.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure paths on a real server: leases that lapse and are reaped, fencing of the worker that lost them, retries
 * with backoff through the broker, dead letters, cancellation, server-side timeouts and idempotent submission.
 * Pool {@code reaped} has 2 s leases (see BackendsForTests); its jobs carry a label unique to the test, so tests
 * do not take each other's jobs.
 */
class ReliabilityIT extends OnRealServer {

    /** The reaper holds off for the longest lease (15 s) after the server starts, then runs every 2 s. */
    private static final Duration REAPED = Duration.ofSeconds(45);

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String submit(String json) {
        Api.Reply reply = api.post("/api/v1/jobs", json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private JsonObject job(String id) {
        return api.get("/api/v1/jobs/" + id).json();
    }

    @Test
    void aLapsedLeaseIsReapedTheJobRetriedAndTheOldWorkerFencedOff() {
        String label = "t-" + unique();
        String jobId = submit("{\"command\":\"sleep 1\",\"pool\":\"reaped\",\"labels\":[\"" + label + "\"],"
                + "\"maxAttempts\":2,\"retryBackoffSeconds\":0}");
        Worker silent = Worker.register(api, "reaped", "[\"" + label + "\"]");
        JsonObject first = silent.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        String attempt = first.getString("attemptId");
        String token = first.getString("leaseToken");

        await().atMost(REAPED).untilAsserted(() -> assertThat(job(jobId).getString("state")).isEqualTo("QUEUED"));
        assertThat(job(jobId).getInt("attempts")).isEqualTo(1);

        Api.Reply beat = silent.heartbeat(attempt, token);
        assertThat(beat.json().getJsonArray("stale").getString(0)).isEqualTo(attempt);
        assertThat(silent.log(attempt, token, "[{\"seq\":0,\"stream\":\"stdout\",\"data\":\"late\\n\"}]").status())
                .as("a late log chunk").isEqualTo(409);
        Api.Reply late = silent.complete(attempt, token, 0);
        assertThat(late.status()).as("a late result").isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");

        Worker second = Worker.register(api, "reaped", "[\"" + label + "\"]");
        JsonObject retry = second.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(retry.getString("jobId")).isEqualTo(jobId);
        await().atMost(REAPED).untilAsserted(() -> assertThat(job(jobId).getString("state")).isEqualTo("FAILED"));
        JsonObject failed = job(jobId);
        assertThat(failed.getString("reason")).isEqualTo("worker-lost");
        assertThat(failed.getBoolean("deadLettered")).isTrue();
        assertThat(second.complete(retry.getString("attemptId"), retry.getString("leaseToken"), 0).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/dead-letters?size=200").json().getJsonArray("items"))
                .anySatisfy(item -> assertThat(item.asJsonObject().getString("id")).isEqualTo(jobId));
    }

    @Test
    void aRetryableExitCodeRunsTheJobAgainAfterItsBackoff() {
        String pool = "it-" + unique();
        String jobId = submit("{\"command\":\"flaky\",\"pool\":\"" + pool + "\",\"maxAttempts\":2,"
                + "\"retryOnExitCodes\":[75],\"retryBackoffSeconds\":2}");
        Worker worker = Worker.register(api, pool, "[]");
        JsonObject first = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        Api.Reply ended = worker.complete(first.getString("attemptId"), first.getString("leaseToken"), 75);
        assertThat(ended.json().getString("state")).isEqualTo("QUEUED");
        long requeued = System.nanoTime();

        JsonObject second = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(Duration.ofNanos(System.nanoTime() - requeued)).as("at least half the 2 s backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(second.getString("jobId")).isEqualTo(jobId);
        assertThat(worker.complete(second.getString("attemptId"), second.getString("leaseToken"), 0)
                .json().getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job(jobId).getInt("attempts")).isEqualTo(2);
        assertThat(job(jobId).getJsonArray("retryOnExitCodes").getInt(0)).isEqualTo(75);
    }

    @Test
    void cancellingStopsQueuedJobsAtOnceAndRunningOnesThroughTheirWorker() {
        String pool = "it-" + unique();
        String queued = submit("{\"command\":\"never\",\"pool\":\"" + pool + "\"}");
        Api.Reply cancelled = api.post("/api/v1/jobs/" + queued + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/jobs/" + queued + "/cancel", "").status()).as("again").isEqualTo(200);

        Worker worker = Worker.register(api, pool, "[]");
        assertThat(worker.lease(2, 2).getJsonArray("jobs")).as("a cancelled job never starts").isEmpty();

        String running = submit("{\"command\":\"sleep 600\",\"pool\":\"" + pool + "\"}");
        JsonObject leased = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");
        Api.Reply requested = api.post("/api/v1/jobs/" + running + "/cancel", "");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().getBoolean("cancelRequested")).isTrue();
        assertThat(worker.heartbeat(attempt, token).json().getJsonArray("cancel").getString(0)).isEqualTo(attempt);
        assertThat(worker.end(attempt, token, "cancelled").json().getString("state")).isEqualTo("CANCELLED");
        assertThat(job(running).getString("reason")).isEqualTo("cancelled");

        String done = submit("{\"command\":\"true\",\"pool\":\"" + pool + "\"}");
        JsonObject doneLease = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        worker.complete(doneLease.getString("attemptId"), doneLease.getString("leaseToken"), 0);
        Api.Reply tooLate = api.post("/api/v1/jobs/" + done + "/cancel", "");
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
        assertThat(tooLate.body()).contains("SUCCEEDED");
        assertThat(api.post("/api/v1/jobs/no-such-job/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void theServerEndsAnAttemptRunningPastItsTimeout() {
        String label = "t-" + unique();
        String jobId = submit("{\"command\":\"sleep 600\",\"pool\":\"reaped\",\"labels\":[\"" + label + "\"],\"timeoutSeconds\":1}");
        Worker worker = Worker.register(api, "reaped", "[\"" + label + "\"]");
        JsonObject leased = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");

        await().atMost(REAPED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            worker.heartbeat(attempt, token); // the worker keeps its lease: only the timeout may end the attempt
            assertThat(job(jobId).getString("state")).isEqualTo("TIMED_OUT");
        });
        assertThat(job(jobId).getString("reason")).isEqualTo("timeout");
        assertThat(worker.heartbeat(attempt, token).json().getJsonArray("stale").getString(0)).isEqualTo(attempt);
    }

    @Test
    void aLeavingOrShutDownWorkersAttemptsAreRetriedAtOnce() {
        String pool = "it-" + unique();
        String jobId = submit("{\"command\":\"sleep 5\",\"pool\":\"" + pool + "\",\"maxAttempts\":3,\"retryBackoffSeconds\":0}");
        Worker leaving = Worker.register(api, pool, "[]");
        leaving.lease(1, 10);
        assertThat(leaving.deregister().status()).isEqualTo(204);
        assertThat(job(jobId).getString("state")).isEqualTo("QUEUED");

        Worker stopping = Worker.register(api, pool, "[]");
        JsonObject second = stopping.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(second.getString("jobId")).isEqualTo(jobId);
        assertThat(stopping.end(second.getString("attemptId"), second.getString("leaseToken"), "abandoned")
                .json().getString("state")).isEqualTo("QUEUED");
        assertThat(job(jobId).getInt("attempts")).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyNeverMakesASecondJob() {
        String key = "k-" + unique();
        String body = "{\"command\":\"echo once\",\"pool\":\"it-" + unique() + "\"}";
        List<Api.Reply> replies = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.postWithIdempotencyKey("/api/v1/jobs", body, key)))
                .toList().stream().map(CompletableFuture::join).toList();
        assertThat(replies).extracting(Api.Reply::status).containsOnly(200, 201).containsOnlyOnce(201);
        Set<String> ids = replies.stream().map(reply -> reply.json().getString("id")).collect(java.util.stream.Collectors.toSet());
        assertThat(ids).hasSize(1);
        Api.Reply replayed = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
        assertThat(replayed.headers().get("idempotent-replayed")).containsExactly("true");

        Api.Reply inBody = api.post("/api/v1/jobs", body.replace("{", "{\"idempotencyKey\":\"" + key + "\","));
        assertThat(inBody.status()).as(inBody.toString()).isEqualTo(200);
        assertThat(inBody.json().getString("id")).isIn(ids);

        Api.Reply different = api.postWithIdempotencyKey("/api/v1/jobs", "{\"command\":\"echo other\"}", key);
        assertThat(different.status()).as(different.toString()).isEqualTo(422);
        assertThat(different.json().getString("field")).isEqualTo("idempotencyKey");

        Api.Reply disagreeing = api.postWithIdempotencyKey("/api/v1/jobs",
                "{\"command\":\"echo once\",\"idempotencyKey\":\"other\"}", key);
        assertThat(disagreeing.status()).as(disagreeing.toString()).isEqualTo(400);
        Api.Reply badHeader = api.postWithIdempotencyKey("/api/v1/jobs", "{\"command\":\"echo\"}", "has space");
        assertThat(badHeader.status()).as(badHeader.toString()).isEqualTo(400);
        assertThat(badHeader.json().getString("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void aRepeatWaitingOnAnUnfinishedSubmissionGetsA503NotAHang() throws Exception {
        String key = "stuck-" + unique();
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(
                System.getProperty("muster.it.jdbcUrl"), System.getProperty("muster.it.jdbcUser"),
                System.getProperty("muster.it.jdbcPassword"))) {
            // Stands in for a first submission left in doubt by a crash: it holds the key's lock.
            holder.setAutoCommit(false);
            try (var statement = holder.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                statement.setString(1, key);
                statement.execute();
            }
            long start = System.nanoTime();
            Api.Reply repeat = api.postWithIdempotencyKey("/api/v1/jobs", "{\"command\":\"echo stuck\"}", key);
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(503);
            assertThat(repeat.contentType()).startsWith("application/problem+json");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
            holder.rollback();
        }
        Api.Reply afterwards = api.postWithIdempotencyKey("/api/v1/jobs", "{\"command\":\"echo stuck\"}", key);
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(201);
    }
}
