package dev.muster.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The production topology measured: one standalone Artemis broker (server-config/artemis/broker.xml), one PostgreSQL,
 * Payara Micro instances A and B, real worker processes, no-op jobs ({@code true}). In order:
 * <ol>
 *   <li>throughput with instance A alone: a backlog of {@code bench.jobs} jobs queued through A, then the workers
 *       start (all on A) and drain it; jobs over first lease to last result;</li>
 *   <li>B starts next to A; the same with the backlog queued through both and the same number of workers spread
 *       over both (worker i prefers instance i mod 2);</li>
 *   <li>pickup latency, one job at a time on an otherwise idle system: submitted through A with one worker
 *       long-polling on A, then with it long-polling on B (the job crosses instances through the broker); from the
 *       database, first lease granted minus submission arrived;</li>
 *   <li>failover: workers spread over both, a steady stream of jobs through B, A killed with SIGKILL; per worker,
 *       the time until B took its first call (lease request or heartbeat: {@code workers.last_seen_at}) and until B
 *       granted it a lease.</li>
 * </ol>
 * Settings ({@code -Dbench.*}): jobs (2000), workers (4), slots (4), pickups (300), warmup (200), submitThreads (8).
 * See bench/chaos/README.md and docs/benchmarks.md.
 */
public final class ScaleOutBenchmark {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);
    private static final int PICKUP_SLOTS = 2;
    private static final int PICKUP_WARMUP = 20;

    private final Properties settings;
    private final PrintStream out;
    private final List<String> results = new ArrayList<>();

    private ScaleOutBenchmark(Properties settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        try {
            new ScaleOutBenchmark(System.getProperties(), System.out).run();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("scale-out benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private int setting(String key, int fallback) {
        return Integer.parseInt(settings.getProperty("bench." + key, Integer.toString(fallback)));
    }

    private Path path(String key, String fallback) {
        return Path.of(settings.getProperty("chaos." + key, fallback)).toAbsolutePath();
    }

    void run() throws Exception {
        int jobs = setting("jobs", 2000);
        int workerCount = setting("workers", 4);
        int slots = setting("slots", 4);
        int submitThreads = setting("submitThreads", 8);
        Path workDir = path("workDir", "target/chaos");
        Path runDir = Files.createDirectories(workDir.resolve("bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        ProcessLedger ledger = new ProcessLedger(workDir.resolve("processes.pid"));
        ledger.killSurvivors().forEach(survivor -> log("killed, left running by an earlier run: " + survivor));
        log("scale-out benchmark: " + jobs + " jobs per throughput run, " + workerCount + " workers x " + slots
                + " slots; files in " + runDir);
        try (Database database = Database.start(runDir.resolve("postgres"));
             StandaloneArtemis broker = StandaloneArtemis.start(path("artemisHome", "target/artemis/apache-artemis-2.56.0"),
                     path("brokerXml", "../../server-config/artemis/broker.xml"), runDir.resolve("broker"), ledger);
             Instances instances = Instances.prepare(2, path("bundle", "../../server-config/launcher/target/muster-server")
                     .resolve("runtime"), runDir, database, broker, "-Xmx768m", this::log, ledger)) {
            log("PostgreSQL " + database.jdbcUrl() + ", Artemis " + broker.url());
            NoOpJobs noOps = new NoOpJobs(database);
            ServerProcess a = instances.get(0);
            ServerProcess b = instances.get(1);
            MusterApi viaA = new MusterApi(List.of(a.base()));
            a.start();

            Workers workers = new Workers(path("workerJar", "../../worker-client/target/muster.jar"), runDir, ledger);
            warmUp(noOps, viaA, workers, List.of(a.base()), "warm-a");
            Map<String, Supplier<List<ProcessHandle>>> cpuGroups = new LinkedHashMap<>();
            cpuGroups.put("A", a::processes);
            cpuGroups.put("B", b::processes);
            cpuGroups.put("broker", broker::processes);
            cpuGroups.put("PostgreSQL", () -> CpuUsage.postgres(runDir.resolve("postgres")));
            NoOpJobs.Rate one = throughput(noOps, viaA, workers, List.of(List.of(a.base())), "one", jobs, workerCount,
                    slots, submitThreads, cpuGroups);
            record(String.format("no-op throughput, 1 instance (A), %d workers x %d slots: %d jobs in %.1f s = %.1f jobs/s",
                    workerCount, slots, one.jobs(), one.span().toMillis() / 1000.0, one.perSecond()));

            b.start();
            MusterApi viaBoth = new MusterApi(instances.bases());
            warmUp(noOps, new MusterApi(List.of(b.base())), workers, List.of(b.base()), "warm-b");
            NoOpJobs.Rate two = throughput(noOps, viaBoth, workers, List.of(List.of(a.base(), b.base()), List.of(b.base(), a.base())),
                    "two", jobs, workerCount, slots, submitThreads, cpuGroups);
            record(String.format("no-op throughput, 2 instances (A+B), %d workers x %d slots: %d jobs in %.1f s = %.1f jobs/s",
                    workerCount, slots, two.jobs(), two.span().toMillis() / 1000.0, two.perSecond()));

            int pickups = setting("pickups", 300);
            pickup(noOps, viaA, workers, a.base(), "pickup-aa", pickups, "submitted on A, worker long-polling on A");
            pickup(noOps, viaA, workers, b.base(), "pickup-ab", pickups, "submitted on A, worker long-polling on B");

            failover(database, noOps, new MusterApi(List.of(b.base())), workers, a, b, workerCount, slots);
            results.forEach(line -> out.println("RESULT " + line));
            Files.write(runDir.resolve("results.txt"), results);
        }
    }

    private void warmUp(NoOpJobs noOps, MusterApi api, Workers workers, List<URI> servers, String batch) throws Exception {
        int count = setting("warmup", 200);
        try (WorkerProcesses warm = workers.start(List.of(servers), 1, 4)) {
            noOps.submit(api, batch, count, 4);
            noOps.awaitFinished(batch, count, DRAIN_LIMIT);
        }
        log("warmed up through " + servers + " with " + count + " jobs");
    }

    /** Queues the backlog first (no worker runs), then starts the workers and waits until they drained it. */
    private NoOpJobs.Rate throughput(NoOpJobs noOps, MusterApi api, Workers workers, List<List<URI>> preferences,
                                     String batch, int jobs, int workerCount, int slots, int submitThreads,
                                     Map<String, Supplier<List<ProcessHandle>>> cpuGroups) throws Exception {
        long submitStart = System.nanoTime();
        noOps.submit(api, batch, jobs, submitThreads);
        double seconds = (System.nanoTime() - submitStart) / 1e9;
        record(String.format("%s: %d jobs queued in %.1f s = %.0f submits/s (%d submit threads, no worker running)",
                batch, jobs, seconds, jobs / seconds, submitThreads));
        try (WorkerProcesses running = workers.create(preferences.get(0), slots)) {
            Map<String, Supplier<List<ProcessHandle>>> groups = new LinkedHashMap<>(cpuGroups);
            groups.put("workers", () -> running.alive().stream().map(w -> w.process().toHandle()).toList());
            CpuUsage cpu = new CpuUsage(groups);
            Workers.startAll(running, preferences, workerCount);
            noOps.awaitFinished(batch, jobs, DRAIN_LIMIT);
            record(batch + ": " + cpu.stop() + "; load average " + loadAverage());
        }
        return noOps.rate(batch);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * One job at a time: submit, wait until it ended, a short pause so the worker parks its long-poll again. The
     * worker must have called in and a few unmeasured jobs must have gone the same way first, so neither its start
     * nor a cold path is measured.
     */
    private void pickup(NoOpJobs noOps, MusterApi submitVia, Workers workers, URI workerOn, String batch, int count,
                        String what) throws Exception {
        try (WorkerProcesses worker = workers.start(List.of(List.of(workerOn)), 1, PICKUP_SLOTS)) {
            awaitCalledIn(noOps, worker, Instant.now().minusSeconds(1));
            oneAtATime(noOps, submitVia, "warm-" + batch, PICKUP_WARMUP);
            oneAtATime(noOps, submitVia, batch, count);
        }
        List<Double> millis = noOps.pickupMillis(batch);
        record(String.format("pickup latency (first lease granted - submission arrived), %s, %d jobs: p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms", what, millis.size(), NoOpJobs.percentile(millis, 50),
                NoOpJobs.percentile(millis, 90), NoOpJobs.percentile(millis, 99), NoOpJobs.percentile(millis, 100)));
    }

    private static void oneAtATime(NoOpJobs noOps, MusterApi submitVia, String batch, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            noOps.submitOne(submitVia, batch + "-" + i);
            noOps.awaitEnded(batch + "-" + i, Duration.ofMinutes(1));
            Thread.sleep(50);
        }
    }

    /** Until every worker of the set has called in (registered and asked for work) since {@code since}. */
    private static void awaitCalledIn(NoOpJobs noOps, WorkerProcesses workers, Instant since) throws Exception {
        List<String> names = workers.alive().stream().map(WorkerProcesses.Worker::name).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!noOps.calledInSince(since).containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("workers " + names + " did not call in within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Workers on both instances, jobs flowing through B, A killed; how long until each worker works through B. */
    private void failover(Database database, NoOpJobs noOps, MusterApi viaB, Workers workers, ServerProcess a,
                          ServerProcess b, int workerCount, int slots) throws Exception {
        AtomicBoolean submitting = new AtomicBoolean(true);
        AtomicInteger submitted = new AtomicInteger();
        Thread stream = new Thread(() -> {
            try {
                while (submitting.get()) {
                    noOps.submitOne(viaB, "flow-" + submitted.getAndIncrement());
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                log("failover: submitting stopped: " + e);
            }
        }, "bench-flow");
        try (WorkerProcesses running = workers.start(List.of(List.of(a.base(), b.base()), List.of(b.base(), a.base())),
                workerCount, slots)) {
            Instant started = Instant.now();
            stream.start();
            // Kill only once every worker is running jobs: under load a worker JVM can take many seconds to start.
            awaitLeased(noOps, running, started);
            Thread.sleep(5_000);
            List<String> onA = running.alive().stream().filter(w -> w.servers().get(0).equals(a.base()))
                    .map(WorkerProcesses.Worker::name).toList();
            a.kill();
            Instant killed = Instant.now();
            log("failover: A killed (SIGKILL); workers that preferred it: " + onA);
            Map<String, Duration> firstCall = FailoverWatch.firstCallAfter(database, killed, onA, Duration.ofMinutes(1));
            Thread.sleep(10_000);
            submitting.set(false);
            stream.join(30_000);
            noOps.awaitFinished("flow", submitted.get(), DRAIN_LIMIT);
            Map<String, Instant> firstLease = noOps.firstLeaseAfter(killed);
            for (String worker : onA) {
                Duration call = firstCall.get(worker);
                Instant lease = firstLease.get(worker);
                record(String.format("failover of %s (preferred A) after SIGKILL of A: first call taken by B after %s, "
                                + "first lease granted by B after %s", worker,
                        call == null ? "NEVER (1 min)" : call.toMillis() + " ms",
                        lease == null ? "NEVER" : Duration.between(killed, lease).toMillis() + " ms"));
            }
            log("failover: " + submitted.get() + " jobs through B, all ended");
        }
    }

    /** Until every worker of the set has been granted a lease since {@code since}. */
    private static void awaitLeased(NoOpJobs noOps, WorkerProcesses workers, Instant since) throws Exception {
        List<String> names = workers.alive().stream().map(WorkerProcesses.Worker::name).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!noOps.firstLeaseAfter(since).keySet().containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("workers " + names + " were not all leased a job within 2 minutes");
            }
            Thread.sleep(200);
        }
    }

    private void record(String result) {
        results.add(result);
        log(result);
    }

    private void log(String message) {
        out.printf("[bench %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), message);
    }

    /** Starts sets of worker processes for one step each (files in workers-<n>/); a set drains when its step ends. */
    private static final class Workers {

        private final Path workerJar;
        private final Path runDir;
        private final ProcessLedger ledger;
        private int sets;

        Workers(Path workerJar, Path runDir, ProcessLedger ledger) {
            this.workerJar = workerJar;
            this.runDir = runDir;
            this.ledger = ledger;
        }

        /** {@code count} workers, worker i with the --server list {@code preferences[i mod size]}. */
        WorkerProcesses start(List<List<URI>> preferences, int count, int slots) throws IOException {
            WorkerProcesses workers = create(preferences.get(0), slots);
            startAll(workers, preferences, count);
            return workers;
        }

        /** A set with no worker started yet. */
        WorkerProcesses create(List<URI> servers, int slots) throws IOException {
            sets++;
            return new WorkerProcesses(workerJar, servers, runDir.resolve("workers-" + sets), NoOpJobs.POOL, slots, 5,
                    "s" + sets + "-w", ledger);
        }

        static void startAll(WorkerProcesses workers, List<List<URI>> preferences, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                workers.start(preferences.get(i % preferences.size()));
            }
        }
    }
}
