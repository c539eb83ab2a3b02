package dev.muster.launcher;

import dev.muster.embedded.FreePort;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as a user runs it: the server bundle started with one command (embedded PostgreSQL and Artemis),
 * two real worker processes, the CLI. Then a restart with jobs still queued.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // see Readiness
    private static final MusterProcesses PROCESSES = new MusterProcesses();
    private static Path work;
    private static int port;
    private static Process server;

    @BeforeAll
    static void startServerAndWorkers() throws Exception {
        work = Files.createTempDirectory(Path.of(System.getProperty("muster.it.bundle")).getParent(), "e2e-");
        port = FreePort.pick();
        server = PROCESSES.server(work.resolve("data"), port, work.resolve("server-1.out"));
        PROCESSES.worker(port, "alpha", 4, "linux", work.resolve("worker-alpha.log"));
        PROCESSES.worker(port, "beta", 4, "linux,java", work.resolve("worker-beta.log"));
    }

    @Test
    @Order(0)
    void theReadyMessageShowsTheGeneratedTokenAndHowToUseIt() {
        assertThat(PROCESSES.token()).startsWith("mst_api_");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(work.resolve("server-1.out")))
                .contains("Authorization: Bearer " + PROCESSES.token())
                .contains("/worker/?enrol=mst_enr_"));
        assertThat(raw(HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs")).build()).statusCode())
                .as("without the token").isEqualTo(401);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        PROCESSES.close();
    }

    @Test
    @Order(1)
    void twoHundredJobsAcrossTwoPoolsEachEndWithTheirExitCodeAndLog() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String pool = i % 2 == 0 ? "alpha" : "beta";
            String labels = i % 4 == 1 ? ",\"labels\":[\"java\"]" : "";
            ids.add(submit("{\"command\":\"echo out-" + i + "; echo err-" + i + " >&2; exit " + (i % 3) + "\",\"pool\":\"" + pool + "\"" + labels + "}"));
        }

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> isTerminal(job(id))));
        for (int i = 0; i < ids.size(); i++) {
            JsonObject job = job(ids.get(i));
            assertThat(job.getString("state")).as("job %d", i).isEqualTo(i % 3 == 0 ? "SUCCEEDED" : "FAILED");
            assertThat(job.getInt("exitCode")).as("job %d", i).isEqualTo(i % 3);
            assertThat(job.getString("pool")).isEqualTo(i % 2 == 0 ? "alpha" : "beta");
            assertThat(job.getInt("attempts")).isEqualTo(1);
            assertThat(get("/api/v1/jobs/" + ids.get(i) + "/log").body().lines())
                    .as("log of job %d", i).containsExactlyInAnyOrder("out-" + i, "err-" + i);
        }
    }

    @Test
    @Order(2)
    void submitFollowPrintsTheLogAsItRunsAndExitsWithTheJobsCode() throws Exception {
        MusterProcesses.CliResult counted = PROCESSES.cli(Duration.ofMinutes(1), "submit", "--server", base(), "--pool", "alpha",
                "--follow", "--", "sh", "-c", "for i in 1 2 3; do echo $i; sleep 1; done");
        assertThat(counted.exitCode()).as(counted.stderr()).isZero();
        assertThat(counted.stdout()).isEqualTo("1\n2\n3\n");

        MusterProcesses.CliResult failed = PROCESSES.cli(Duration.ofMinutes(1), "submit", "--server", base(), "--pool", "beta",
                "--follow", "--", "sh", "-c", "echo oops >&2; exit 7");
        assertThat(failed.exitCode()).isEqualTo(7);
        assertThat(failed.stderr()).contains("oops");

        MusterProcesses.CliResult listed = PROCESSES.cli(Duration.ofMinutes(1), "jobs", "--server", base(), "--pool", "beta", "--size", "5");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.stdout()).contains("FAILED").contains("exit 7");
    }

    @Test
    @Order(3)
    void queuedJobsSurviveAServerRestart() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submit("{\"command\":\"echo kept-" + i + "\",\"pool\":\"gamma\"}"));
        }
        MusterProcesses.stopGracefully(server);
        server = PROCESSES.server(work.resolve("data"), port, work.resolve("server-2.out"));
        PROCESSES.worker(port, "gamma", 2, "linux", work.resolve("worker-gamma.log"));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> isTerminal(job(id))));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(job(ids.get(i)).getString("state")).isEqualTo("SUCCEEDED");
            assertThat(get("/api/v1/jobs/" + ids.get(i) + "/log").body()).isEqualTo("kept-" + i + "\n");
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
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

    private static HttpResponse<String> send(HttpRequest request) {
        return raw(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + PROCESSES.token()).build());
    }

    private static HttpResponse<String> raw(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
