package dev.muster.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console's figures: how long the jobs table (and the dashboard) take to load with 100,000 jobs in the
 * database, and how long a line printed by a job on a real worker takes to reach the console.
 *
 * <p>Starts a scratch PostgreSQL, the built bundle against it (external database, embedded broker), inserts the jobs
 * with SQL, then times page loads over HTTP: the server's whole work for a page (Faces rendering, the count and page
 * queries), not the browser's drawing. For the log, a real {@code muster worker} runs a job that prints a line with
 * its own clock reading every 250 ms; the benchmark follows the log through the console's feed, once as the job
 * page does (server-sent events) and once polling every 50 ms (the pipeline alone: worker batching, upload, database).
 */
public final class ConsoleBenchmark {

    /** Keeps the console session cookie. HTTP/1.1: h2c upgrades can deadlock Payara. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new java.net.CookieManager()).build();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern TICK = Pattern.compile("tick (\\d{19})");

    private final int jobs = Integer.getInteger("muster.bench.consoleJobs", 100_000);
    private final int samples = Integer.getInteger("muster.bench.samples", 20);
    private String base;

    public static void main(String[] args) throws Exception {
        new ConsoleBenchmark().run();
    }

    private void run() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "muster-console-bench-");
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        try (ScratchPostgres postgres = ScratchPostgres.start(data, freePort())) {
            ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar",
                    Path.of(System.getProperty("muster.bench.bundle")).resolve("muster-server.jar").toString())
                    .redirectErrorStream(true);
            builder.environment().putAll(Map.of("MUSTER_DATA_DIR", data.resolve("server").toString(),
                    "MUSTER_HTTP_PORT", Integer.toString(port), "MUSTER_LOCAL_WORKER_SLOTS", "0",
                    "MUSTER_MANAGEMENT_PORT", Integer.toString(freePort()),
                    "MUSTER_DB_URL", postgres.jdbcUrl(), "MUSTER_DB_USER", "postgres", "MUSTER_DB_PASSWORD", "postgres",
                    "MUSTER_DB_POOL_SIZE", "16"));
            builder.environment().putAll(BenchCredentials.serverEnvironment());
            Process server = builder.start();
            Process worker = null;
            try {
                BundleReadiness.awaitReady(server);
                BenchCredentials.logIn(HTTP, base);
                long start = System.nanoTime();
                try (Connection db = postgres.connect()) {
                    ManyJobs.insert(db, jobs);
                }
                System.out.printf("inserted %,d jobs in %.1f s%n", jobs, (System.nanoTime() - start) / 1e9);
                measurePages();
                worker = BenchProcesses.worker(base, "bench-log", 1, "bench-log", data.resolve("worker.log"));
                measureLogDelay();
            } finally {
                BenchProcesses.stop(worker, server);
            }
        }
    }

    private void measurePages() throws Exception {
        System.out.printf("page loads with %,d jobs (%d loads each after 5 unmeasured; server time, HTML only):%n", jobs, samples);
        for (String page : List.of("jobs.xhtml", "jobs.xhtml?state=FAILED", "jobs.xhtml?pool=pool-3",
                "jobs.xhtml?label=gpu", "jobs.xhtml?submitter=alice", "jobs.xhtml?text=RUN%3D99999",
                "jobs.xhtml?state=FAILED&pool=pool-6&submitter=ci", "index.xhtml", "workers.xhtml")) {
            List<Double> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < samples + 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/" + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200 || response.body().contains("Something went wrong")) {
                    throw new IllegalStateException(page + " answered " + response.statusCode());
                }
                if (i >= 5) {
                    millis.add(elapsed);
                }
                bytes = response.body().length();
            }
            System.out.printf("  %-52s %s  (%d KB)%n", "/console/" + page, Stats.of(millis), bytes / 1024);
        }
    }

    /** Prints a tick with the worker's clock (ns) every 250 ms; follows it at two cadences at once. */
    private void measureLogDelay() throws Exception {
        int lines = Integer.getInteger("muster.bench.logLines", 80);
        String command = "for i in $(seq 1 " + lines + "); do echo \"tick $(date +%s%N)\"; sleep 0.25; done";
        HttpResponse<String> submitted = HTTP.send(BenchCredentials.authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("command", command).add("pool", "bench-log").build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        String jobId = parse(submitted.body()).getString("id");
        LogFollower page = new LogFollower(jobId, 0);
        LogFollower fast = new LogFollower(jobId, 50);
        Thread pageThread = new Thread(page::stream);
        Thread fastThread = new Thread(fast::follow);
        pageThread.start();
        fastThread.start();
        pageThread.join(TimeUnit.MINUTES.toMillis(5));
        fastThread.join(TimeUnit.MINUTES.toMillis(5));
        System.out.printf("log line printed on the worker → shown by the console (%d lines, one every 250 ms):%n", lines);
        System.out.printf("  followed as the job page does (server-sent events): %s%n", Stats.of(page.delays()));
        System.out.printf("  followed every 50 ms (the pipeline alone):  %s%n", Stats.of(fast.delays()));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Reads the console's log feed as the job page's script does, noting when each tick line arrives. */
    private final class LogFollower {
        private final String jobId;
        private final long intervalMillis;
        private final Map<Long, Double> delays = new ConcurrentHashMap<>();

        LogFollower(String jobId, long intervalMillis) {
            this.jobId = jobId;
            this.intervalMillis = intervalMillis;
        }

        /** As the job page's EventSource: one stream of server-sent events, each with the chunks since the last. */
        void stream() {
            try {
                HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(base + "/console/log-feed?job=" + jobId + "&after=-1"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                try (java.util.stream.Stream<String> lines = response.body()) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith("data: ") && note(parse(line.substring("data: ".length())))) {
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("streaming the log failed", e);
            }
        }

        /** @return true once the page says the log is complete */
        private boolean note(JsonObject page) {
            long now = System.currentTimeMillis() * 1_000_000L;
            Matcher tick = TICK.matcher(page.getString("html"));
            while (tick.find()) {
                long printed = Long.parseLong(tick.group(1));
                delays.putIfAbsent(printed, (now - printed) / 1e6);
            }
            return page.getBoolean("terminal") && !page.getBoolean("more");
        }

        void follow() {
            int after = -1;
            try {
                while (true) {
                    JsonObject page = parse(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/log-feed?job="
                            + jobId + "&after=" + after)).build(), HttpResponse.BodyHandlers.ofString()).body());
                    after = page.getInt("next");
                    if (note(page)) {
                        return;
                    }
                    if (!page.getBoolean("more")) {
                        Thread.sleep(intervalMillis);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("following the log failed", e);
            }
        }

        List<Double> delays() {
            return new ArrayList<>(delays.values());
        }
    }

    /** Median, 95th percentile and maximum of some milliseconds. */
    private record Stats(double median, double p95, double max, int count) {
        static Stats of(List<Double> millis) {
            List<Double> sorted = millis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Stats(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                    sorted.get(sorted.size() - 1), sorted.size());
        }

        @Override
        public String toString() {
            return String.format("median %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)", median, p95, max, count);
        }
    }
}
