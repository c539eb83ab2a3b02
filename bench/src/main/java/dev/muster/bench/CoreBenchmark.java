package dev.muster.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core figures: server start-to-ready and memory, pickup latency (submit → a waiting worker has the job) and
 * no-op throughput through one server with one 4-slot worker. Starts the built bundle with its embedded PostgreSQL
 * and Artemis in a fresh data directory, exactly as the README's run command does.
 */
public final class CoreBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // h2c can deadlock Payara
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final int pickups = Integer.getInteger("muster.bench.pickups", 300);
    private final int throughputJobs = Integer.getInteger("muster.bench.jobs", 2000);
    private String base;
    private int managementPort;

    public static void main(String[] args) throws Exception {
        new CoreBenchmark().run();
    }

    private void run() throws Exception {
        Path bundle = Path.of(System.getProperty("muster.bench.bundle"));
        Path data = Files.createTempDirectory(Path.of(System.getProperty("muster.bench.dataParent", System.getProperty("java.io.tmpdir"))),
                "muster-bench-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", bundle.resolve("muster-server.jar").toString())
                .redirectErrorStream(true);
        builder.environment().put("MUSTER_DATA_DIR", data.toString());
        builder.environment().put("MUSTER_HTTP_PORT", Integer.toString(port));
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        builder.environment().put("MUSTER_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("MUSTER_LOCAL_WORKER_SLOTS", "0");
        builder.environment().putAll(BenchCredentials.serverEnvironment());
        // e.g. -Dmuster.bench.serverJavaOpts="-Xmx768m -XX:StartFlightRecording=..." to profile the server
        builder.environment().put("MUSTER_SERVER_JAVA_OPTS", System.getProperty("muster.bench.serverJavaOpts", "-Xmx768m"));
        long start = System.nanoTime();
        Process server = builder.start();
        Process worker = null;
        try {
            long payaraPid = BundleReadiness.awaitReady(server);
            double ready = (System.nanoTime() - start) / 1e9;
            System.out.printf("server start-to-ready: %.1f s (embedded PostgreSQL + Artemis + Payara Micro)%n", ready);
            warmUp();
            measurePickup();
            queueThroughputJobs();
            worker = BenchProcesses.worker(base, "bench-tp", 4, "bench", data.resolve("worker.log"));
            measureThroughput();
            System.out.printf("RSS after the run: Payara Micro %d MB, launcher (embedded Artemis) %d MB, PostgreSQL %d MB%n",
                    rssMb(payaraPid), rssMb(launcherPid(server)), postgresRssMb(data));
        } finally {
            BenchProcesses.stop(worker, server);
        }
    }

    /** The first requests pay for class loading and JIT; they are not what a running system sees. */
    private void warmUp() throws Exception {
        Worker worker = registerWorker("bench-warmup");
        for (int i = 0; i < Integer.getInteger("muster.bench.warmup", 200); i++) {
            CompletableFuture<JsonObject> lease = worker.leaseAsync();
            submit("bench-warmup", "true");
            completeAll(worker, lease.get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * One worker parked in a long-poll, one job submitted: the time from sending the submit until the worker's lease
     * answer arrives. Sequential, on an otherwise idle system.
     */
    private void measurePickup() throws Exception {
        Worker worker = registerWorker("bench-pickup");
        List<Double> pickup = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        List<Double> dispatched = new ArrayList<>();
        for (int i = 0; i < pickups; i++) {
            CompletableFuture<JsonObject> lease = worker.leaseAsync();
            Thread.sleep(20); // let the lease request reach the server and park
            long sent = System.nanoTime();
            submit("bench-pickup", "true");
            long created = System.nanoTime();
            JsonObject answer = lease.get(30, TimeUnit.SECONDS);
            long received = System.nanoTime();
            pickup.add((received - sent) / 1e6);
            accepted.add((created - sent) / 1e6);
            dispatched.add(Math.max(0, received - created) / 1e6);
            completeAll(worker, answer);
        }
        System.out.println("pickup latency, " + pickups + " jobs, one waiting worker (ms):");
        report("  submit -> worker has the job", pickup);
        report("    of which submit -> 201 (job row + message committed)", accepted);
        report("    of which 201 -> worker has the job (route + lease)", dispatched);
        System.out.printf("  server-side muster_dispatch_latency (job row created -> lease granted, before its commit; "
                + "includes warm-up): p50 %s ms%n", dispatchLatencyMedianMillis());
    }

    private String dispatchLatencyMedianMillis() throws Exception {
        String metrics = HTTP.send(BenchCredentials.authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics?scope=application"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher median = Pattern.compile("muster_dispatch_latency_seconds\\{[^}]*quantile=\"0.5\"[^}]*} ([0-9.Ee-]+)").matcher(metrics);
        return median.find() ? String.format("%.1f", Double.parseDouble(median.group(1)) * 1000) : "n/a";
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-60s p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private void queueThroughputJobs() throws Exception {
        long submitStart = System.nanoTime();
        for (int i = 0; i < throughputJobs; i++) {
            submit("bench-tp", "true");
        }
        double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
        System.out.printf("sequential submit: %d jobs in %.1f s (%.0f submits/s, one client)%n",
                throughputJobs, submitSeconds, throughputJobs / submitSeconds);
    }

    /** The jobs wait in the queue before the worker starts; the figure is first start to last finish as recorded. */
    private void measureThroughput() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (total("bench-tp", "SUCCEEDED") < throughputJobs) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("throughput run did not finish in 10 minutes");
            }
            Thread.sleep(500);
        }
        Instant firstStart = Instant.MAX;
        Instant lastFinish = Instant.MIN;
        for (int page = 0; page * 200 < throughputJobs; page++) {
            for (var item : get("/api/v1/jobs?pool=bench-tp&size=200&page=" + page).getJsonArray("items")) {
                JsonObject job = item.asJsonObject();
                Instant started = Instant.parse(job.getString("startedAt"));
                Instant finished = Instant.parse(job.getString("finishedAt"));
                firstStart = started.isBefore(firstStart) ? started : firstStart;
                lastFinish = finished.isAfter(lastFinish) ? finished : lastFinish;
            }
        }
        double seconds = Duration.between(firstStart, lastFinish).toMillis() / 1000.0;
        System.out.printf("no-op throughput, 1 worker x 4 slots: %d jobs in %.1f s = %.0f jobs/s%n",
                throughputJobs, seconds, throughputJobs / seconds);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private String submit(String pool, String command) throws Exception {
        return post("/api/v1/jobs", "{\"command\":\"" + command + "\",\"pool\":\"" + pool + "\"}", null).getString("id");
    }

    private long total(String pool, String state) throws Exception {
        return get("/api/v1/jobs?size=1&pool=" + pool + "&state=" + state).getJsonNumber("total").longValue();
    }

    private JsonObject get(String path) throws Exception {
        return parse(HTTP.send(BenchCredentials.authorized(HttpRequest.newBuilder(URI.create(base + path))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonObject post(String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        request.header("Authorization", "Bearer " + (bearer != null ? bearer : BenchCredentials.TOKEN));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? Json.createObjectBuilder().build() : parse(response.body());
    }

    private Worker registerWorker(String pool) throws Exception {
        JsonObject registered = post("/api/v1/workers", "{\"name\":\"bench\",\"pool\":\"" + pool + "\",\"slots\":1}",
                BenchCredentials.ENROLMENT_TOKEN);
        return new Worker(registered.getString("workerId"), registered.getString("secret"));
    }

    private void completeAll(Worker worker, JsonObject lease) throws Exception {
        JsonArray jobs = lease.getJsonArray("jobs");
        for (var job : jobs) {
            JsonObject leased = job.asJsonObject();
            post("/api/v1/workers/" + worker.id + "/attempts/" + leased.getString("attemptId") + "/complete",
                    "{\"leaseToken\":\"" + leased.getString("leaseToken") + "\",\"outcome\":\"exited\",\"exitCode\":0}", worker.secret);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The launcher relaunches itself detached from the terminal; the embedded broker lives in that process. */
    private static long launcherPid(Process server) {
        return server.descendants().filter(p -> p.info().commandLine().orElse("").contains("muster.launcher.detached"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(server.pid());
    }

    /**
     * The PostgreSQL postmaster daemonizes (it is no descendant of the launcher); its processes are found by the
     * data directory on their command line. Shared buffers count once per backend here, so this overstates a little.
     */
    private static long postgresRssMb(Path data) {
        String dataDir = data.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir) && p.info().command().orElse("").contains("postgres"))
                .mapToLong(p -> Math.max(0, rssMb(p.pid()))).sum();
    }

    /** A protocol-level worker: no process to run, so the figure is the server's dispatch path alone. */
    private final class Worker {
        final String id;
        final String secret;

        private Worker(String id, String secret) {
            this.id = id;
            this.secret = secret;
        }

        CompletableFuture<JsonObject> leaseAsync() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/workers/" + id + "/lease"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slots\":1,\"waitSeconds\":30}")).build();
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> parse(response.body()));
        }
    }
}
