package dev.muster.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The fault-injection run: starts the cluster, runs one phase per scenario (job mix + faults + drain), then checks
 * the database and prints the report. Exits 1 when an invariant was broken, 2 on bad settings.
 * See bench/chaos/README.md.
 */
public final class ChaosRun {

    /** How long a submission is retried (same idempotency key) before it counts as never answered. */
    private static final Duration SUBMIT_GIVE_UP = Duration.ofMinutes(5);
    private static final int SUBMIT_THREADS = 4;
    /** Held so the JUL configuration below is not garbage-collected away. */
    private static final Logger ROOT = Logger.getLogger("");

    private final ChaosSettings settings;
    private final PrintStream out;
    private final AtomicReference<Cluster> cluster = new AtomicReference<>();

    ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        ChaosRun run;
        try {
            run = new ChaosRun(ChaosSettings.from(System.getProperties()), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Report report = run.run();
            System.exit(report.passed() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("chaos: the run could not complete: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    Report run() throws Exception {
        Instant started = Instant.now();
        String runId = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = Files.createDirectories(settings.workDir().resolve(runId));
        logTo(runDir.resolve("harness.log"));
        log("chaos " + runId + ": " + settings.describe());
        log("replay with -Dchaos.seed=" + settings.seed() + "; files in " + runDir);
        Random random = new Random(settings.seed());
        Ledger ledger = new Ledger();
        List<Phase.Result> phases = new ArrayList<>();
        // Ctrl-C, or Maven ending a forked test JVM: Payara, the workers and PostgreSQL are processes of their own.
        Thread stopper = new Thread(this::stop, "chaos-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (Cluster running = new Cluster(settings, runDir, this::log)) {
            cluster.set(running);
            running.start();
            Workload workload = new Workload(runId, runDir.resolve("shared"), new Random(random.nextLong()));
            try (Submitter submitter = new Submitter(running.api(), ledger, SUBMIT_THREADS, SUBMIT_GIVE_UP);
                 Observer observer = new Observer(running.api(), ledger, new Random(random.nextLong()))) {
                observer.start();
                Set<String> stuck = new HashSet<>();
                int undrained = 0;
                for (Scenario scenario : settings.scenarios()) {
                    FaultContext context = new FaultContext(scenario, running, workload, submitter, ledger,
                            new Random(random.nextLong()), settings, this::log);
                    Phase.Result phase = Phase.run(context, stuck);
                    phases.add(phase);
                    if (!phase.drained() && ++undrained == 2) {
                        log("a second scenario did not drain: the system is wedged, skipping the remaining scenarios");
                        break;
                    }
                    if (!phase.drained()) {
                        stuck.addAll(new LiveQueries(running.database()).openJobs().keySet());
                        log(stuck.size() + " job(s) did not end; going on without waiting for them");
                    }
                }
                observer.close();
                Report report = check(runId, started, running, workload, ledger, phases, observer);
                report.print(out);
                report.writeJson(settings.report());
                log("report written to " + settings.report() + "; server log(s) " + running.serverLogs());
                return report;
            }
        } finally {
            cluster.set(null);
            LeftoverProcesses.kill(LeftoverProcesses.find(runId));
            removeHook(stopper);
        }
    }

    private Report check(String runId, Instant started, Cluster running, Workload workload, Ledger ledger,
                         List<Phase.Result> phases, Observer observer) throws Exception {
        log("XA transactions still prepared in PostgreSQL (in doubt): " + new LiveQueries(running.database()).preparedTransactions());
        Snapshot db;
        try (Connection connection = running.database().connect()) {
            db = SnapshotReader.read(connection);
        }
        Map<String, Integer> executions = Executions.read(workload.executions());
        List<LeftoverProcesses.Leftover> leftovers = phases.stream().flatMap(p -> p.leftovers().stream()).toList();
        Evidence evidence = new Evidence(db, ledger.submissions(), executions, observer.anomalies(), leftovers,
                ledger.faults(), running.workers().unexpectedExits());
        List<Violation> violations = new Checker(evidence).check();
        return Report.of(runId, settings, started, phases, ledger, db, executions, violations, observer.observations());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** Ctrl-C: stop whatever still runs. */
    private void stop() {
        Cluster running = cluster.getAndSet(null);
        if (running != null) {
            running.close();
        }
    }

    private void log(String message) {
        out.printf("[chaos %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), message);
    }

    /** Artemis, zonky and PostgreSQL log through JUL in this JVM: into a file, so the console shows the run. */
    private static void logTo(Path file) throws IOException {
        for (Handler handler : ROOT.getHandlers()) {
            ROOT.removeHandler(handler);
        }
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        ROOT.addHandler(handler);
        ROOT.setLevel(Level.INFO);
        Logger.getLogger("org.apache.activemq.audit").setLevel(Level.WARNING);
    }
}
