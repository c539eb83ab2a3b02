package dev.muster.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Browser workers' figures against a running server ({@code -Dmuster.bench.server}, default
 * http://127.0.0.1:8080), with worker tabs in headless chromium: tiny js jobs per second across three tabs, pickup
 * latency of one idle browser worker, and the matrix demo ({@code muster demo matrix}, the README's command) on
 * one tab and on three. Every pool is new per run, so earlier runs do not count.
 */
public final class BrowserBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // h2c can deadlock Payara
    private static final String TINY = "export default (input) => input.n + 1;";

    private final String base = System.getProperty("muster.bench.server", "http://127.0.0.1:8080");
    private final String run = Long.toString(System.currentTimeMillis() % 100_000);

    public static void main(String[] args) throws Exception {
        new BrowserBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("browser workers against %s, %d cores, chromium headless, 2 slots per tab%n", base,
                Runtime.getRuntime().availableProcessors());
        throughput(Integer.getInteger("muster.bench.jsJobs", 1000));
        pickup(Integer.getInteger("muster.bench.pickups", 50));
        String size = System.getProperty("muster.bench.matrixSize", "300");
        String blocks = System.getProperty("muster.bench.matrixBlocks", "12");
        matrix(1, size, blocks);
        matrix(3, size, blocks);
    }

    /** Jobs queued first, then three tabs started: first start to last finish, as the server recorded them. */
    private void throughput(int count) throws Exception {
        String pool = "bench-js-" + run;
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(submit(pool, n));
        }
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            for (int tab = 0; tab < 3; tab++) {
                chromium.openWorker(base, pool, 2, false);
            }
            chromium.startAll();
            List<JsonObject> done = awaitAll(ids);
            Instant first = done.stream().map(job -> Instant.parse(job.getString("startedAt"))).min(Instant::compareTo).orElseThrow();
            Instant last = done.stream().map(job -> Instant.parse(job.getString("finishedAt"))).max(Instant::compareTo).orElseThrow();
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            long succeeded = done.stream().filter(job -> job.getString("state").equals("SUCCEEDED")).count();
            System.out.printf("tiny js jobs, 3 tabs: %d jobs (%d succeeded) in %.1f s = %.0f jobs/s%n", count, succeeded,
                    seconds, count / seconds);
            chromium.closeAll();
        }
    }

    /** One idle tab, one slot, parked in its long-poll; one job at a time. */
    private void pickup(int count) throws Exception {
        String pool = "bench-pickup-" + run;
        List<Double> picked = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.openWorker(base, pool, 1, true);
            awaitAll(List.of(submit(pool, -1))); // the tab is up and has run one job
            for (int i = 0; i < count; i++) {
                Thread.sleep(300); // the tab's next long-poll is parked again
                Instant sent = Instant.now();
                JsonObject job = awaitAll(List.of(submit(pool, i))).get(0);
                picked.add(Duration.between(sent, Instant.parse(job.getString("startedAt"))).toNanos() / 1e6);
                roundTrip.add(Duration.between(sent, Instant.parse(job.getString("finishedAt"))).toNanos() / 1e6);
            }
            chromium.closeAll();
        }
        report("pickup, submit sent -> lease granted to the tab (ms)", picked);
        report("round trip, submit sent -> result recorded (ms)", roundTrip);
    }

    /** The README's demo command, once to warm up and once measured, with its own figure. */
    private void matrix(int tabs, String size, String blocks) throws Exception {
        String pool = "bench-matrix-" + tabs + "-" + run;
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            for (int tab = 0; tab < tabs; tab++) {
                chromium.openWorker(base, pool, 2, true);
            }
            demo(pool, size, blocks);
            System.out.printf("%d tab(s): %s%n", tabs, demo(pool, size, blocks));
            chromium.closeAll();
        }
    }

    private String demo(String pool, String size, String blocks) throws Exception {
        ProcessBuilder demoBuilder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("muster.bench.workerJar"), "demo", "matrix", "--server", base, "--pool", pool,
                "--size", size, "--blocks", blocks).redirectErrorStream(true);
        demoBuilder.environment().putAll(BenchCredentials.clientEnvironment());
        Process demo = demoBuilder.start();
        String summary = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("C = A") || line.startsWith("checksum")) {
                    summary = summary == null ? line : summary + "; " + line;
                }
            }
        }
        if (demo.waitFor() != 0) {
            throw new IllegalStateException("muster demo matrix failed: " + summary);
        }
        return summary;
    }

    private String submit(String pool, int n) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("kind", "js").add("pool", pool).add("script", TINY)
                .add("input", Json.createObjectBuilder().add("n", n)).add("timeoutSeconds", 60).build().toString();
        HttpResponse<String> response = HTTP.send(BenchCredentials.authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).getString("id");
    }

    /** Waits for each job in turn: one request at a time, however many jobs. */
    private List<JsonObject> awaitAll(List<String> ids) throws IOException, InterruptedException {
        List<JsonObject> done = new ArrayList<>();
        for (String id : ids) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            JsonObject job = job(id);
            while (List.of("QUEUED", "RUNNING").contains(job.getString("state"))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("job " + id + " did not end in 10 minutes");
                }
                Thread.sleep(20);
                job = job(id);
            }
            done.add(job);
        }
        return done;
    }

    private JsonObject job(String id) throws IOException, InterruptedException {
        return parse(HTTP.send(BenchCredentials.authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + id))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-56s p50 %6.1f  p90 %6.1f  max %6.1f  (%d jobs)%n", what, at(sorted, 50), at(sorted, 90),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double at(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
