package dev.muster.wildfly;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built EAR on WildFly's full profile, configured only by the operator's scripts in server-config/wildfly: the
 * XA data source on a real PostgreSQL, the built-in Artemis broker, the routing MDB. Jobs go in over the REST API
 * and are run by a real worker process ({@code muster.jar worker}), to their exit codes and logs.
 */
@ExtendWith({ServerLogOnFailure.class, ArquillianExtension.class})
@RunAsClient
class WildFlyEarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String POOL = "wildfly";
    static final String ADMIN_TOKEN = "mst_api_wildfly-it-admin-5b8e2d7c1a9f";
    static final String ENROLMENT_TOKEN = "mst_enr_wildfly-it-enrolment-3c6a9e1f4b7d";

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("muster.it.ear")));
    }

    @Test
    void jobsSubmittedOverRestRunOnARealWorkerToTheirExitCodesAndLogs() throws Exception {
        String succeeding = submit("{\"command\":\"echo hello from wildfly; echo warning >&2\",\"pool\":\"" + POOL + "\"}");
        String failing = submit("{\"command\":\"echo about to fail; exit 3\",\"pool\":\"" + POOL + "\"}");
        assertThat(job(succeeding).getString("state")).isEqualTo("QUEUED");

        Path workerLog = Path.of(System.getProperty("muster.it.work"), "worker.log");
        Process worker = startWorker(workerLog);
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> isTerminal(job(succeeding)) && isTerminal(job(failing)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("jobs did not end: " + job(succeeding) + ", " + job(failing)
                    + "\nworker log:\n" + Files.readString(workerLog), e);
        } finally {
            stop(worker);
        }

        JsonObject succeeded = job(succeeding);
        assertThat(succeeded.getString("state")).as(succeeded.toString()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.getInt("exitCode")).isZero();
        assertThat(succeeded.getInt("attempts")).isEqualTo(1);
        assertThat(get("/api/v1/jobs/" + succeeding + "/log").body().lines())
                .containsExactlyInAnyOrder("hello from wildfly", "warning");

        JsonObject failed = job(failing);
        assertThat(failed.getString("state")).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.getInt("exitCode")).isEqualTo(3);
        assertThat(failed.getString("reason")).isEqualTo("exit-code");
        assertThat(get("/api/v1/jobs/" + failing + "/log").body()).isEqualTo("about to fail\n");
    }

    @Test
    void healthOnTheManagementInterfaceReportsTheDeploymentUp() {
        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + System.getProperty("muster.it.managementPort") + "/health/ready")).build());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"muster.ear\":\"OK\"");
    }

    private static Process startWorker(Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of(System.getProperty("muster.it.workerJar"));
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "worker", "--server", base(),
                "--pool", POOL, "--slots", "2", "--name", "wildfly-it");
        builder.environment().put("MUSTER_ENROLMENT_TOKEN", ENROLMENT_TOKEN);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGTERM: the worker finishes what it runs (nothing, by now) and deregisters. */
    private static void stop(Process worker) throws InterruptedException {
        worker.destroy();
        if (!worker.waitFor(30, TimeUnit.SECONDS)) {
            worker.destroyForcibly().waitFor();
        }
    }

    private static String submit(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response.body()).getString("id");
    }

    private static JsonObject job(String id) {
        return parse(get("/api/v1/jobs/" + id).body());
    }

    private static boolean isTerminal(JsonObject job) {
        return !List.of("QUEUED", "RUNNING").contains(job.getString("state"));
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).build());
    }

    private static String base() {
        return "http://127.0.0.1:" + System.getProperty("muster.it.httpPort");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
