package dev.muster.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Everything the run starts: PostgreSQL in this JVM, Artemis (in this JVM, or the standalone distribution as a child
 * process), {@code chaos.servers} Payara Micro instances as child processes from the bundle's {@code runtime/}
 * directory — started at the same time against the fresh database — and the worker processes, which get every
 * instance's URL. {@link #close} stops, in reverse order, whatever did start, also while {@link #start} is still
 * under way (from a shutdown hook). Processes a killed earlier run left behind are stopped first.
 */
final class Cluster implements AutoCloseable {

    private final ChaosSettings settings;
    private final Path runDir;
    private final Consumer<String> log;
    private final ProcessLedger ledger;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile Database database;
    private volatile Broker broker;
    private volatile Instances instances;
    private volatile WorkerProcesses workers;
    private volatile MusterApi api;

    Cluster(ChaosSettings settings, Path runDir, Consumer<String> log) {
        this.settings = settings;
        this.runDir = runDir;
        this.log = log;
        this.ledger = new ProcessLedger(settings.workDir().resolve("processes.pid"));
    }

    void start() throws Exception {
        Path runtime = settings.bundle().resolve("runtime");
        for (String file : new String[]{"payara-micro.jar", "muster-artemis.rar", "muster.war", "postgresql.jar"}) {
            if (!Files.isRegularFile(runtime.resolve(file))) {
                throw new IllegalStateException(runtime.resolve(file) + " is missing: build the bundle first "
                        + "(./mvnw -q -pl bench/chaos -am -DskipTests package)");
            }
        }
        if (!Files.isRegularFile(settings.workerJar())) {
            throw new IllegalStateException(settings.workerJar() + " is missing: build worker-client first");
        }
        for (String survivor : ledger.killSurvivors()) {
            log.accept("killed, left running by an earlier run: " + survivor);
        }
        database = track(Database.start(runDir.resolve("postgres")));
        log.accept("PostgreSQL ready: " + database.jdbcUrl());
        broker = track(startBroker());
        log.accept("Artemis (" + settings.broker().name().toLowerCase(Locale.ROOT) + ") ready: " + broker.url());

        String javaOptions = String.join(" ", "-Xmx768m",
                "-Dmuster.pool." + Workload.POOL + ".lease-seconds=" + settings.leaseSeconds(),
                "-Dmuster.jobs.retry-backoff-seconds=1",
                "-Dmuster.lease.max-wait-seconds=20");
        instances = track(Instances.prepare(settings.servers(), runtime, runDir, database, broker, javaOptions, log, ledger));
        api = new MusterApi(instances.bases());
        instances.startAll();
        if (settings.servers() > 1) {
            log.accept(settings.servers() + " instances started together on a fresh database: "
                    + MigrationHistory.verify(database) + "; " + String.join("; ", MigrationHistory.appliedBy(instances.all())));
        }

        workers = track(new WorkerProcesses(settings.workerJar(), instances.bases(), runDir.resolve("workers"),
                Workload.POOL, settings.slots(), 2, "chaos-w", ledger));
        for (int i = 0; i < settings.workers(); i++) {
            workers.start();
        }
        log.accept(settings.workers() + " workers started, " + settings.slots() + " slots each, pool " + Workload.POOL
                + (settings.servers() > 1 ? ", worker i preferring instance i mod " + settings.servers() : ""));
    }

    private Broker startBroker() throws Exception {
        return switch (settings.broker()) {
            case EMBEDDED -> EmbeddedArtemis.start(runDir.resolve("broker"));
            case STANDALONE -> StandaloneArtemis.start(settings.artemisHome(), settings.brokerXml(),
                    runDir.resolve("broker"), ledger);
        };
    }

    private synchronized <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    Database database() {
        return database;
    }

    Broker broker() {
        return broker;
    }

    Instances instances() {
        return instances;
    }

    WorkerProcesses workers() {
        return workers;
    }

    /** The client API over every instance (calls rotate across them). */
    MusterApi api() {
        return api;
    }

    List<Path> serverLogs() {
        return instances == null ? List.of() : instances.logs();
    }

    /** Workers first (they drain), then the servers, then the broker and the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("[chaos] while stopping: " + e);
            }
        }
    }
}
