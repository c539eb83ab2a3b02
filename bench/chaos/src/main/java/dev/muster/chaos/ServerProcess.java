package dev.muster.chaos;

import dev.muster.embedded.MicroCommands;
import dev.muster.launcher.PayaraMicroProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Payara Micro instance with the application, as a child process that can be killed with SIGKILL and started again
 * on the same HTTP port (workers keep their {@code --server} URL). Its log, across restarts, is
 * {@code <dir>/logs/server.log}. Every start goes into the {@link ProcessLedger}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Path runtimeDir;
    private final Path dir;
    private final int port;
    private final MicroCommands.CommandFiles commands;
    private final String javaOptions;
    private final Map<String, String> environment;
    private final Consumer<String> log;
    private final ProcessLedger ledger;
    private PayaraMicroProcess running;
    private int starts;

    ServerProcess(String name, Path runtimeDir, Path dir, int port, MicroCommands.CommandFiles commands, String javaOptions,
                  Map<String, String> environment, Consumer<String> log, ProcessLedger ledger) {
        this.name = name;
        this.runtimeDir = runtimeDir;
        this.dir = dir;
        this.port = port;
        this.commands = commands;
        this.javaOptions = javaOptions;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.ledger = ledger;
    }

    String name() {
        return name;
    }

    /** Starts Payara Micro and waits until the application reports ready. */
    synchronized void start() throws IOException, InterruptedException {
        if (running != null && running.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        long started = System.nanoTime();
        try {
            launch();
        } catch (IOException neverReady) {
            if (!running.isAlive()) {
                throw neverReady;
            }
            // Seen once in a two-instance start: Payara logged "ready" but /health/ready never said so. Keep the
            // evidence (a thread dump next to its log), then do what a supervisor's health check does: restart it.
            Path dump = dir.resolve("logs").resolve("not-ready-threads-" + starts + ".txt");
            new ProcessBuilder("jcmd", Long.toString(running.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor();
            log.accept(name + ": " + neverReady.getMessage() + "; thread dump in " + dump + "; starting it again");
            running.kill();
            launch();
        }
        log.accept(String.format("%s ready on %s in %.1f s (pid %d)", name, base(), (System.nanoTime() - started) / 1e9, running.pid()));
    }

    private void launch() throws IOException, InterruptedException {
        running = PayaraMicroProcess.start(runtimeDir, commands, dir, port, javaOptions, environment);
        ProcessHandle.of(running.pid()).ifPresent(process -> ledger.record(process, "Payara Micro " + name + " " + dir));
        starts++;
        running.awaitReady(READY_TIMEOUT, elapsed -> log.accept("waiting for " + name + " (start " + starts + ")… " + elapsed.toSeconds() + " s"));
    }

    /** SIGKILL: a crash, mid-request. */
    synchronized void kill() throws InterruptedException {
        if (running != null) {
            running.kill();
        }
    }

    boolean isAlive() {
        PayaraMicroProcess process = running;
        return process != null && process.isAlive();
    }

    /** The instance's JVM while it runs, for CPU accounting. */
    List<ProcessHandle> processes() {
        PayaraMicroProcess process = running;
        return process == null || !process.isAlive() ? List.of() : ProcessHandle.of(process.pid()).stream().toList();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return dir.resolve("logs").resolve("server.log");
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (running != null) {
            running.close();
        }
    }
}
