package dev.muster.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built WAR on a real Payara Micro, with the real Artemis resource adapter, a real broker and a real PostgreSQL:
 * a job's whole path through the client API and the worker protocol, driven step by step.
 */
class JobPathIT extends OnRealServer {

    private static String pool() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aJobRunsThroughLeaseLogAndCompletion() {
        String pool = pool();
        Api.Reply submitted = api.post("/api/v1/jobs", "{\"command\":\"echo hello; exit 3\",\"pool\":\"" + pool + "\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String jobId = submitted.json().getString("id");
        assertThat(submitted.location()).as(submitted.toString()).endsWith("/api/v1/jobs/" + jobId);
        assertThat(submitted.json().getString("state")).isEqualTo("QUEUED");

        Worker worker = Worker.register(api, pool, "[]");
        JsonObject leased = worker.lease(2, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(leased.getString("jobId")).isEqualTo(jobId);
        assertThat(leased.getString("command")).isEqualTo("echo hello; exit 3");
        assertThat(api.get("/api/v1/jobs/" + jobId).json().getString("state")).isEqualTo("RUNNING");

        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");
        Api.Reply heartbeat = worker.heartbeat(attempt, token);
        assertThat(heartbeat.status()).as(heartbeat.toString()).isEqualTo(200);
        assertThat(heartbeat.json().getJsonArray("stale")).isEmpty();
        assertThat(worker.log(attempt, token, "[{\"seq\":0,\"stream\":\"stdout\",\"data\":\"hello\\n\"},"
                + "{\"seq\":1,\"stream\":\"stderr\",\"data\":\"warn\\n\"}]").status()).isEqualTo(204);
        // a resend after a lost response is ignored, not duplicated
        assertThat(worker.log(attempt, token, "[{\"seq\":1,\"stream\":\"stderr\",\"data\":\"warn\\n\"}]").status()).isEqualTo(204);

        Api.Reply done = worker.complete(attempt, token, 3);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getString("state")).isEqualTo("FAILED");
        assertThat(worker.complete(attempt, token, 3).status()).as("the same completion again").isEqualTo(200);
        assertThat(worker.complete(attempt, token, 0).status()).as("a different outcome").isEqualTo(409);
        assertThat(worker.complete(attempt, "forged", 0).status()).as("a wrong lease token").isEqualTo(409);
        assertThat(worker.log(attempt, token, "[{\"seq\":2,\"stream\":\"stdout\",\"data\":\"late\"}]").status())
                .as("log after completion").isEqualTo(409);
        assertThat(worker.heartbeat(attempt, token).json().getJsonArray("stale")).hasSize(1);

        JsonObject job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getInt("exitCode")).isEqualTo(3);
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(api.get("/api/v1/jobs/" + jobId + "/log").body()).isEqualTo("hello\nwarn\n");
        JsonObject chunks = api.get("/api/v1/jobs/" + jobId + "/log/chunks?after=0").json();
        assertThat(chunks.getJsonArray("chunks")).hasSize(1);
        assertThat(chunks.getJsonArray("chunks").getJsonObject(0).getString("stream")).isEqualTo("stderr");
    }

    @Test
    void aWaitingWorkerGetsAJobAsSoonAsItIsSubmitted() {
        String pool = pool();
        Worker worker = Worker.register(api, pool, "[]");
        CompletableFuture<JsonObject> lease = CompletableFuture.supplyAsync(() -> worker.lease(1, 10));
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        String jobId = api.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"" + pool + "\"}").json().getString("id");

        JsonObject leased = lease.join();
        assertThat(leased.getJsonArray("jobs")).hasSize(1);
        assertThat(leased.getJsonArray("jobs").getJsonObject(0).getString("jobId")).isEqualTo(jobId);
    }

    @Test
    void aJobNeedingLabelsGoesOnlyToAWorkerThatHasThemAll() {
        String pool = pool();
        String jobId = api.post("/api/v1/jobs", "{\"command\":\"nvidia-smi\",\"pool\":\"" + pool + "\",\"labels\":[\"linux\",\"gpu\"]}")
                .json().getString("id");

        assertThat(Worker.register(api, pool, "[\"linux\"]").lease(1, 2).getJsonArray("jobs")).isEmpty();
        JsonObject leased = Worker.register(api, pool, "[\"gpu\",\"linux\",\"x86\"]").lease(1, 10);
        assertThat(leased.getJsonArray("jobs").getJsonObject(0).getString("jobId")).isEqualTo(jobId);
    }

    /** The kind rides on the dispatch message and in the worker's selector: a shell worker never sees a js job. */
    @Test
    void aJsJobGoesOnlyToAWorkerThatRunsJs() {
        String pool = pool();
        Api.Reply submitted = api.post("/api/v1/jobs", "{\"kind\":\"js\",\"pool\":\"" + pool + "\","
                + "\"script\":\"export default (i) => i.n + 1;\",\"input\":{\"n\":41},\"timeoutSeconds\":30}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String jobId = submitted.json().getString("id");

        assertThat(Worker.register(api, pool, "[]").lease(1, 2).getJsonArray("jobs")).as("a shell worker").isEmpty();
        Worker browser = Worker.register(api, pool, "[]", ",\"kind\":\"browser\",\"jobKinds\":[\"js\"]");
        JsonObject leased = browser.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(leased.getString("jobId")).isEqualTo(jobId);
        assertThat(leased.getString("kind")).isEqualTo("js");
        assertThat(leased.getString("script")).isEqualTo("export default (i) => i.n + 1;");
        assertThat(leased.getJsonObject("input").getInt("n")).isEqualTo(41);
        assertThat(leased.isNull("command")).isTrue();

        Api.Reply done = api.post("/api/v1/workers/" + browser.id() + "/attempts/" + leased.getString("attemptId") + "/complete",
                "{\"leaseToken\":\"" + leased.getString("leaseToken") + "\",\"outcome\":\"exited\",\"exitCode\":0,"
                        + "\"result\":42}", browser.secret());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        JsonObject job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("result")).isEqualTo(42);
        JsonObject shellJob = api.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"" + pool + "\"}").json();
        assertThat(browser.lease(1, 2).getJsonArray("jobs")).as("a browser is offered no shell job").isEmpty();
        assertThat(api.get("/api/v1/jobs/" + shellJob.getString("id")).json().getString("state")).isEqualTo("QUEUED");
    }

    @Test
    void anEmptyLeaseComesBackWhenTheWaitIsOver() {
        long start = System.nanoTime();
        JsonObject leased = Worker.register(api, pool(), "[]").lease(1, 1);
        assertThat(leased.getJsonArray("jobs")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void listsPageNewestFirstAndFilter() {
        String pool = pool();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/jobs", "{\"command\":\"echo " + i + "\",\"pool\":\"" + pool + "\"}");
        }
        JsonObject page = api.get("/api/v1/jobs?pool=" + pool + "&state=queued&size=2&page=0").json();
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(3);
        assertThat(page.getJsonArray("items")).hasSize(2);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("command")).isEqualTo("echo 2");
        JsonObject second = api.get("/api/v1/jobs?pool=" + pool + "&size=2&page=1").json();
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("command")).isEqualTo("echo 0");
    }

    @Test
    void healthAndMetricsReportTheBackends() {
        Api.Reply ready = api.getFromServerRoot("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":\"UP\"").contains("\"broker\":\"UP\"");
        api.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"metrics\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.getFromManagement("/metrics?scope=application").body())
                        .contains("muster_jobs_submitted")
                        .contains("muster_queue_depth"));
        assertThat(api.as(null).getFromServerRoot("/metrics").status())
                .as("metrics are on the management listener only").isEqualTo(404);
    }
}
