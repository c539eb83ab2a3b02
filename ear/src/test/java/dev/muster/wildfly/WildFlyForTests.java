package dev.muster.wildfly;

import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Before Arquillian boots WildFly: starts a real PostgreSQL (random loopback port, fresh data directory), configures
 * the server with the operator's scripts (data source, built-in broker, MicroProfile Health) and picks a port
 * offset, handing ports and database coordinates to arquillian.xml as system properties. The server resolves the
 * scripts' {@code ${muster.db.url,env.MUSTER_DB_URL}} expressions from the {@code -D} options given here.
 * Only for the integration-test run (failsafe sets {@code muster.it.wildfly}).
 */
public class WildFlyForTests implements LauncherSessionListener {

    static final List<String> SCRIPTS = List.of("datasource.cli", "builtin-broker.cli", "microprofile-health.cli", "security.cli");

    private EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String wildfly = System.getProperty("muster.it.wildfly");
        if (wildfly == null) {
            return;
        }
        try {
            Path runtime = Path.of(System.getProperty("muster.it.runtime"));
            Path work = Files.createTempDirectory(runtime, "it-");
            database = EmbeddedDatabase.start(work.resolve("postgres"), FreePort.pick());

            ServerConfiguration configuration = new ServerConfiguration(Path.of(wildfly),
                    Path.of(System.getProperty("muster.it.serverConfig")));
            configuration.reset();
            configuration.apply(SCRIPTS, List.of("-Dmuster.jdbc.driver=" + runtime.resolve("postgresql.jar")), work);

            int offset = PortOffset.pickFree();
            System.setProperty("muster.it.serverConfigFile", ServerConfiguration.FILE);
            System.setProperty("muster.it.httpPort", Integer.toString(PortOffset.HTTP + offset));
            System.setProperty("muster.it.managementPort", Integer.toString(PortOffset.MANAGEMENT + offset));
            System.setProperty("muster.it.serverLog", Path.of(wildfly, "standalone", "log", "server.log").toString());
            System.setProperty("muster.it.work", work.toString());
            System.setProperty("muster.it.javaVmArguments", String.join(" ",
                    "-Xms128m", "-Xmx640m",
                    "-Djboss.socket.binding.port-offset=" + offset,
                    "-Dmuster.db.url=" + database.jdbcUrl(),
                    "-Dmuster.db.user=" + EmbeddedDatabase.USER,
                    "-Dmuster.db.password=postgres",
                    // Quick long-polls, so a worker stopping at the end does not wait out a minute-long one.
                    "-Dmuster.lease.max-wait-seconds=5",
                    "-Dmuster.bootstrap.token=" + WildFlyEarIT.ADMIN_TOKEN,
                    "-Dmuster.bootstrap.enrolment-token=" + WildFlyEarIT.ENROLMENT_TOKEN));
        } catch (Exception e) {
            launcherSessionClosed(session);
            throw new IllegalStateException("could not prepare PostgreSQL and WildFly for the integration test", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test database", e);
        }
    }
}
