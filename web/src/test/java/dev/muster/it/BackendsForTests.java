package dev.muster.it;

import dev.muster.embedded.EmbeddedBroker;
import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.Passwords;
import dev.muster.embedded.MicroCommands;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a real PostgreSQL and a real Artemis broker (random loopback ports, fresh data directories) before
 * Arquillian boots Payara Micro, and hands their coordinates to it through the connector's system properties.
 * Only for the integration-test run (failsafe sets {@code muster.it.runtime}); unit tests start nothing.
 */
public class BackendsForTests implements LauncherSessionListener {

    /** LimitsIT, WorkspacesIT: limits small enough to reach in a test, large enough for the other tests. */
    static final List<String> LIMITS = List.of(
            "-Dmuster.limits.command-bytes=8192",
            "-Dmuster.limits.env-entries=10",
            "-Dmuster.limits.env-bytes=2048",
            "-Dmuster.limits.labels=4",
            "-Dmuster.limits.batch-jobs=5",
            "-Dmuster.limits.log-bytes-per-attempt=262144",
            "-Dmuster.limits.upload-bytes=" + 2 * 1024 * 1024);

    private EmbeddedDatabase database;
    private EmbeddedBroker broker;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String runtime = System.getProperty("muster.it.runtime");
        if (runtime == null) {
            return;
        }
        try {
            Path data = Files.createTempDirectory(Path.of(runtime).getParent(), "it-data-");
            MicroCommands.Database db = externalDatabase().orElse(null);
            if (db == null) {
                database = EmbeddedDatabase.start(data.resolve("postgres"), FreePort.pick());
                db = new MicroCommands.Database(database.jdbcUrl(), EmbeddedDatabase.USER, "postgres", 16);
            }
            String password = Passwords.random();
            int managementPort = FreePort.pick();
            System.setProperty("muster.it.managementPort", Integer.toString(managementPort));
            broker = EmbeddedBroker.start(data.resolve("broker"), FreePort.pick(), "muster", password);
            // Pre-boot settings come from the environment (failsafe sets it, Payara Micro inherits it).
            MicroCommands micro = new MicroCommands(System.getenv("MUSTER_BIND_ADDRESS"), Path.of(System.getenv("MUSTER_TX_LOG_DIR")),
                    db,
                    "tcp://127.0.0.1:" + broker.port(), "muster", password, Path.of(runtime, "muster-artemis.rar"),
                    new MicroCommands.Management("127.0.0.1", managementPort));
            MicroCommands.CommandFiles commands = MicroCommands.writeTo(data);
            System.setProperty("payara.extraMicroOptions", String.join(" ", commands.microOptions())
                    + " --addlibs " + Path.of(runtime, "postgresql.jar"));
            List<String> options = new ArrayList<>(List.of("-Xmx768m"));
            micro.systemProperties().forEach((key, value) -> options.add("-D" + key + "=" + value));
            System.setProperty("payara.cmdOptions", String.join(" ", options) + " " + String.join(" ",
                    "-Dmuster.lease.max-wait-seconds=10",
                    // ReliabilityIT: a pool whose leases lapse quickly, and server-side timeouts without delay.
                    "-Dmuster.pool.reaped.lease-seconds=2",
                    "-Dmuster.jobs.timeout-grace-seconds=1",
                    Credentials.serverOptions()));
            System.setProperty("muster.it.jdbcUrl", db.url());
            System.setProperty("muster.it.jdbcUser", db.user());
            System.setProperty("muster.it.jdbcPassword", db.password());
            System.setProperty("payara.cmdOptions", System.getProperty("payara.cmdOptions") + " " + String.join(" ", LIMITS));
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL and Artemis for the integration tests", e);
        }
    }

    /**
     * {@code -Dmuster.it.db.url=jdbc:postgresql://host:5432/db} (with {@code muster.it.db.user} and
     * {@code .password}) runs the suite against an existing, empty PostgreSQL instead of starting one.
     */
    private static Optional<MicroCommands.Database> externalDatabase() {
        String url = System.getProperty("muster.it.db.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MicroCommands.Database(url, System.getProperty("muster.it.db.user", "postgres"),
                System.getProperty("muster.it.db.password", "postgres"), 16));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (broker != null) {
                broker.close();
            }
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test backends", e);
        }
    }
}
