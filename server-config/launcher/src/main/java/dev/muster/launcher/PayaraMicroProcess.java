package dev.muster.launcher;

import dev.muster.embedded.MicroCommands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Payara Micro in a child JVM, running the resource adapter (deployed by the post-boot commands) and the WAR at the
 * root context. Its log goes to a file; the launcher reports progress itself. Public for the fault-injection harness
 * (bench/chaos), which kills and restarts it.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final Readiness readiness;
    private final Path log;

    private PayaraMicroProcess(Process process, Readiness readiness, Path log) {
        this.process = process;
        this.readiness = readiness;
        this.log = log;
    }

    public static PayaraMicroProcess start(Path runtimeDir, MicroCommands.CommandFiles commands, Path workDir, int port, String javaOptions,
                                           Map<String, String> environment) throws IOException {
        Path log = workDir.resolve("logs").resolve("server.log");
        Files.createDirectories(log.getParent());
        Path rootDir = workDir.resolve("payara");
        // Payara keeps its domain configuration here; from an earlier start it would hold that start's broker address
        // and credentials. What must survive lives in PostgreSQL, the broker and the transaction log (kept outside
        // this directory, see MicroCommands), so start from scratch.
        deleteRecursively(rootDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", runtimeDir.resolve("payara-micro.jar").toString(),
                "--nocluster",
                "--port", Integer.toString(port),
                "--rootdir", rootDir.toString(),
                // The JDBC driver belongs to the server: its connection pool is a server resource (post-boot.asadmin).
                "--addlibs", runtimeDir.resolve("postgresql.jar").toString(),
                "--deploy", runtimeDir.resolve("muster.war").toString(),
                "--contextroot", "/"));
        command.addAll(commands.microOptions());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new PayaraMicroProcess(builder.start(), new Readiness(port), log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Waits until the application reports ready, telling {@code progress} every few seconds. */
    public void awaitReady(Duration timeout, Consumer<Duration> progress) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Instant nextReport = start.plusSeconds(5);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with code " + process.exitValue() + "; see " + log);
            }
            if (readiness.isReady()) {
                return;
            }
            Duration elapsed = Duration.between(start, Instant.now());
            if (elapsed.compareTo(timeout) > 0) {
                throw new IOException("Payara Micro was not ready after " + timeout.toSeconds() + " s (last answer of "
                        + "/health/ready: " + readiness.lastAnswer() + "); see " + log);
            }
            if (Instant.now().isAfter(nextReport)) {
                progress.accept(elapsed);
                nextReport = Instant.now().plusSeconds(5);
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGKILL, as a crash would: nothing is undeployed, no transaction finishes, no response is sent. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, so Payara undeploys cleanly (MDBs stop, transactions finish); SIGKILL if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
