package dev.muster.launcher;

import dev.muster.embedded.EmbeddedBroker;
import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.MicroCommands;
import dev.muster.worker.execution.JobIsolation;
import dev.muster.worker.execution.Worker;
import dev.muster.worker.execution.WorkerSettings;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar muster-server.jar}: the one-command Muster. Starts, in order, PostgreSQL and Artemis (embedded,
 * unless {@code MUSTER_DB_URL} / {@code MUSTER_BROKER_URL} point elsewhere), Payara Micro with the application, and
 * a local worker; stops them in reverse order on Ctrl-C or SIGTERM.
 */
public final class MusterServer {

    /** Held so the JUL configuration below is not garbage-collected away. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.apache.activemq"),
            Logger.getLogger("io.zonky"), Logger.getLogger("org.apache.activemq.artemis"));

    private static final Duration LOCAL_WORKER_DRAIN = Duration.ofSeconds(30);
    private static final Duration LOCAL_WORKER_STOP = LOCAL_WORKER_DRAIN.plusSeconds(30);

    private final LauncherSettings settings;
    private final PrintStream out;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    MusterServer(LauncherSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        if (Detached.relaunchIfAttached()) {
            return;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        Path jarDir = Path.of(MusterServer.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getParent();
        MusterServer server;
        try {
            server = new MusterServer(LauncherSettings.from(System.getenv(), jarDir.resolve("runtime")), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("muster-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "muster-shutdown"));
        try {
            int exit = server.run();
            System.exit(exit);
        } catch (Exception | LinkageError e) {
            // The shutdown hook stops whatever did start (database, broker, server).
            System.err.println("muster-server: could not start: " + e);
            System.exit(1);
        }
    }

    /** Starts everything and blocks until the application server exits. */
    int run() throws Exception {
        long started = System.nanoTime();
        out.println("Muster: data in " + settings.dataDir());
        String dbUrl = settings.dbUrl().orElseGet(this::startDatabase);
        String brokerPassword = settings.brokerPassword().orElseGet(MusterServer::generatedPassword);
        String brokerUrl = settings.brokerUrl().orElseGet(() -> startBroker(brokerPassword));
        MicroCommands micro = new MicroCommands(settings.bindAddress(), settings.dataDir().resolve("txlog"),
                new MicroCommands.Database(dbUrl, settings.dbUser(), settings.dbPassword(), settings.dbPoolSize()),
                brokerUrl, settings.brokerUser(), brokerPassword, settings.runtimeDir().resolve("muster-artemis.rar"),
                new MicroCommands.Management(settings.managementAddress(), settings.managementPort()));
        MicroCommands.CommandFiles commands = MicroCommands.writeTo(settings.dataDir().resolve("run"));
        QuickStartSecrets secrets = QuickStartSecrets.in(settings.dataDir(), System.getenv());
        Map<String, String> serverEnv = new HashMap<>(micro.environment());
        serverEnv.putAll(secrets.serverEnvironment());
        out.println("Muster: starting Payara Micro on port " + settings.httpPort() + " (log: "
                + settings.dataDir().resolve("logs/server.log") + ")");
        PayaraMicroProcess payara = PayaraMicroProcess.start(settings.runtimeDir(), commands, settings.dataDir(),
                settings.httpPort(), settings.serverJavaOptions() + " " + String.join(" ", micro.jvmOptions()), serverEnv);
        running.push(payara);
        payara.awaitReady(Duration.ofMinutes(5), elapsed -> out.println("Muster: waiting for the server… " + elapsed.toSeconds() + " s"));

        URI base = URI.create("http://localhost:" + settings.httpPort());
        startLocalWorker(base, secrets);
        printReady(base, secrets, Duration.ofNanos(System.nanoTime() - started), payara.pid());
        return payara.waitFor();
    }

    private String startDatabase() {
        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), FreePort.pick());
            running.push(database);
            out.println("Muster: embedded PostgreSQL ready on 127.0.0.1:" + database.port());
            return database.jdbcUrl();
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private String startBroker(String password) {
        try {
            EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("broker"), FreePort.pick(),
                    settings.brokerUser(), password);
            running.push(broker);
            out.println("Muster: embedded Artemis broker ready on 127.0.0.1:" + broker.port());
            return "tcp://127.0.0.1:" + broker.port();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis broker did not start: " + e.getMessage(), e);
        }
    }

    private void startLocalWorker(URI base, QuickStartSecrets secrets) throws Exception {
        if (settings.localWorkerSlots() <= 0) {
            return;
        }
        Worker worker = new Worker(new WorkerSettings(List.of(base), "local-" + InetAddress.getLocalHost().getHostName(),
                settings.localWorkerPool(), List.of(), settings.localWorkerSlots(),
                settings.dataDir().resolve("local-worker"), LOCAL_WORKER_DRAIN, secrets.enrolmentToken(), null,
                JobIsolation.DEFAULT));
        worker.start();
        running.push(() -> stopWithin(worker, LOCAL_WORKER_STOP));
    }

    private void printReady(URI base, QuickStartSecrets secrets, Duration took, long pid) {
        out.printf("%nMuster is ready on %s (started in %.1f s, server pid %d)%n", base, took.toMillis() / 1000.0, pid);
        out.println("  API        " + base + "/api/v1/jobs        (reference: docs/protocol.md)");
        out.println("  Console    " + base + "/console/        (user admin, password "
                + where(secrets.adminPasswordFile(), "MUSTER_ADMIN_PASSWORD") + ")");
        out.println("  Browsers   " + base + "/worker/?enrol=" + secrets.enrolmentToken()
                + "   (open in any tab to make it a js worker)");
        out.println("  Health     " + base + "/health/ready");
        out.println("  Metrics    http://" + settings.managementAddress() + ":" + settings.managementPort()
                + "/metrics   (management listener only)");
        out.println(settings.localWorkerSlots() > 0
                ? "  Worker     local, " + settings.localWorkerSlots() + " slots, pool \"" + settings.localWorkerPool() + "\""
                : "  Worker     none (MUSTER_LOCAL_WORKER_SLOTS=0)");
        out.println("  Token      " + secrets.apiToken() + "   (admin API token"
                + (secrets.apiTokenFile() == null ? ", from MUSTER_BOOTSTRAP_TOKEN)" : ", kept in " + secrets.apiTokenFile() + ")"));
        out.println();
        out.println("Run a job:  curl -s -X POST " + base + "/api/v1/jobs -H 'Authorization: Bearer " + secrets.apiToken()
                + "' -H 'Content-Type: application/json' -d '{\"command\":\"echo hello\"}'");
        out.println("CLI:        export MUSTER_TOKEN=" + secrets.apiToken() + "; java -jar worker-client/target/muster.jar submit"
                + " --server " + base + " --follow -- echo hello");
        out.println("Stop:       Ctrl-C");
    }

    private static String where(Path file, String variable) {
        return file == null ? "from " + variable : "in " + file;
    }

    /** Reverse order of start: the worker finishes, then the server, then the broker and the database. */
    synchronized void stop() {
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("muster-server: while stopping: " + e.getMessage());
            }
        }
    }

    /** A worker that cannot report (server already gone) must not hold up the rest of the shutdown for ever. */
    private static void stopWithin(Worker worker, Duration limit) throws InterruptedException {
        Thread stopping = new Thread(worker::stop, "muster-local-worker-stop");
        stopping.setDaemon(true);
        stopping.start();
        stopping.join(limit.toMillis());
    }

    private static String generatedPassword() {
        return dev.muster.embedded.Passwords.random();
    }
}
