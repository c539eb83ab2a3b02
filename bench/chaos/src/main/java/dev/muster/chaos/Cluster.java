package dev.muster.chaos;

import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.MicroCommands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the run starts: PostgreSQL and Artemis in this JVM, Payara Micro as a child process from the bundle's
 * {@code runtime/} directory, and the worker processes. {@link #close} stops, in reverse order, whatever did start,
 * also while {@link #start} is still under way (from a shutdown hook).
 */
final class Cluster implements AutoCloseable {

    private final ChaosSettings settings;
    private final Path runDir;
    private final Consumer<String> log;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile Database database;
    private volatile Broker broker;
    private volatile ServerProcess server;
    private volatile WorkerProcesses workers;
    private volatile MusterApi api;

    Cluster(ChaosSettings settings, Path runDir, Consumer<String> log) {
        this.settings = settings;
        this.runDir = runDir;
        this.log = log;
    }

    void start() throws Exception {
        Path runtime = settings.bundle().resolve("runtime");
        for (String file : new String[]{"payara-micro.jar", "muster-artemis.rar", "muster.war", "postgresql.jar"}) {
            if (!Files.isRegularFile(runtime.resolve(file))) {
                throw new IllegalStateException(runtime.resolve(file) + " is missing: build the bundle first "
                        + "(./mvnw -q -pl bench/chaos -am -DskipTests install)");
            }
        }
        if (!Files.isRegularFile(settings.workerJar())) {
            throw new IllegalStateException(settings.workerJar() + " is missing: build worker-client first");
        }
        database = track(Database.start(runDir.resolve("postgres")));
        log.accept("PostgreSQL ready: " + database.jdbcUrl());
        broker = track(Broker.start(runDir.resolve("broker")));
        log.accept("Artemis ready: " + broker.url());

        MicroCommands micro = new MicroCommands("127.0.0.1", runDir.resolve("txlog"),
                new MicroCommands.Database(database.jdbcUrl(), EmbeddedDatabase.USER, "postgres", 32),
                broker.url(), Broker.USER, broker.password(), runtime.resolve("muster-artemis.rar"));
        MicroCommands.CommandFiles commands = MicroCommands.writeTo(runDir.resolve("run"));
        Map<String, String> environment = micro.environment();
        String javaOptions = String.join(" ", "-Xmx768m",
                "-Dmuster.pool." + Workload.POOL + ".lease-seconds=" + settings.leaseSeconds(),
                "-Dmuster.jobs.retry-backoff-seconds=1",
                "-Dmuster.lease.max-wait-seconds=20");
        server = track(new ServerProcess(runtime, runDir.resolve("server"), FreePort.pick(), commands, javaOptions,
                environment, log));
        api = new MusterApi(server.base());
        server.start();

        workers = track(new WorkerProcesses(settings.workerJar(), server.base(), runDir.resolve("workers"),
                Workload.POOL, settings.slots(), 2));
        for (int i = 0; i < settings.workers(); i++) {
            workers.start();
        }
        log.accept(settings.workers() + " workers started, " + settings.slots() + " slots each, pool " + Workload.POOL);
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

    ServerProcess server() {
        return server;
    }

    WorkerProcesses workers() {
        return workers;
    }

    MusterApi api() {
        return api;
    }

    /** Workers first (they drain), then the server, then the broker and the database. Safe to call twice. */
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
