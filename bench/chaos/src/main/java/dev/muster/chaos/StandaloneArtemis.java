package dev.muster.chaos;

import dev.muster.embedded.FreePort;
import dev.muster.embedded.Passwords;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Artemis distribution (unpacked by the build into {@code target/artemis}) as a child process, set up the
 * way an operator does it (server-config/README.md): an instance made by {@code artemis create} with login required
 * and no web console, whose {@code etc/broker.xml} is the repository's {@code server-config/artemis/broker.xml} — the
 * very file operators use — bound to loopback on a free port through its {@code muster.broker.*} properties.
 * Restartable on the same port with the same journal. Every start goes into the {@link ProcessLedger}.
 */
final class StandaloneArtemis implements Broker {

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final String JAVA_HOME = System.getProperty("java.home");
    /** Small heap: the harness's backlog is a few thousand small messages; the rest pages (global-max-size). */
    private static final String JAVA_ARGS = "-Xms64M -Xmx512M -XX:+UseG1GC -Dlog4j2.disableJmx=true "
            + "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED";

    private final Path instance;
    private final int port;
    private final String password;
    private final ProcessLedger ledger;
    private Process running;

    private StandaloneArtemis(Path instance, int port, String password, ProcessLedger ledger) {
        this.instance = instance;
        this.port = port;
        this.password = password;
        this.ledger = ledger;
    }

    /** {@code artemis create}, then the repository's broker.xml over the created one, then a start. */
    static StandaloneArtemis start(Path artemisHome, Path brokerXml, Path instance, ProcessLedger ledger)
            throws IOException, InterruptedException {
        Path artemis = artemisHome.resolve("bin").resolve("artemis");
        if (!Files.isExecutable(artemis)) {
            throw new IllegalStateException(artemis + " is missing: the build unpacks the Artemis distribution "
                    + "(./mvnw -pl bench/chaos -am package -DskipTests)");
        }
        if (!Files.isRegularFile(brokerXml)) {
            throw new IllegalStateException(brokerXml + " is missing");
        }
        String password = Passwords.random();
        Files.createDirectories(instance.getParent());
        Path createLog = instance.resolveSibling(instance.getFileName() + "-create.log");
        // The role is create's default ("amq"), as in the container image: broker.xml grants that role.
        ProcessBuilder creation = new ProcessBuilder(List.of(artemis.toString(), "create", instance.toString(),
                "--user", USER, "--password", password, "--require-login", "--no-web", "--silent", "--no-autotune"))
                .redirectErrorStream(true).redirectOutput(createLog.toFile());
        creation.environment().put("JAVA_HOME", JAVA_HOME);
        Process create = creation.start();
        if (!create.waitFor(CREATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            create.destroyForcibly();
            throw new IOException("artemis create did not finish in " + CREATE_TIMEOUT.toSeconds() + " s; see " + createLog);
        }
        if (create.exitValue() != 0) {
            throw new IOException("artemis create failed with code " + create.exitValue() + "; see " + createLog);
        }
        Files.copy(brokerXml, instance.resolve("etc").resolve("broker.xml"), StandardCopyOption.REPLACE_EXISTING);
        StandaloneArtemis broker = new StandaloneArtemis(instance, FreePort.pick(), password, ledger);
        broker.start();
        return broker;
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        if (running != null && running.isAlive()) {
            return;
        }
        Path log = instance.resolve("log").resolve("console.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin").resolve("artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("JAVA_ARGS", JAVA_ARGS);
        // The properties broker.xml reads: what an operator sets in JAVA_ARGS_APPEND or etc/artemis.profile.
        builder.environment().put("JAVA_ARGS_APPEND", "-Dmuster.broker.host=127.0.0.1 -Dmuster.broker.port=" + port
                + " -Dmuster.broker.global-max-size=128M");
        // bin/artemis ends in `exec java`: this process is the broker's JVM, and its pid the one to kill.
        running = builder.start();
        ledger.record(running.toHandle(), "standalone Artemis " + instance);
        awaitAccepting(log);
    }

    private void awaitAccepting(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!running.isAlive()) {
                throw new IOException("Artemis exited with code " + running.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Artemis does not accept connections on port " + port + " after "
                            + READY_TIMEOUT.toSeconds() + " s; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    /** SIGTERM (the broker closes its journal), SIGKILL if it takes longer than 30 s. */
    @Override
    public synchronized void stop() throws InterruptedException {
        if (running != null) {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
            running = null;
        }
    }

    /** The broker's JVM while it runs, for CPU accounting. */
    synchronized List<ProcessHandle> processes() {
        return running == null || !running.isAlive() ? List.of() : List.of(running.toHandle());
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String password() {
        return password;
    }
}
