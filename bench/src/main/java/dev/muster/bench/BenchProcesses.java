package dev.muster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starts a real {@code muster worker} and stops what a benchmark started: the worker first, then the server. */
final class BenchProcesses {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private BenchProcesses() {
    }

    /** The built muster.jar ({@code muster.bench.workerJar}), its output in {@code log}. */
    static Process worker(String server, String pool, int slots, String name, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", System.getProperty("muster.bench.workerJar"), "worker",
                "--server", server, "--pool", pool, "--slots", Integer.toString(slots), "--name", name);
        builder.environment().putAll(BenchCredentials.clientEnvironment());
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGTERM to both (the worker may be null), then SIGKILL to whatever of the server is left after 90 s. */
    static void stop(Process worker, Process server) throws InterruptedException {
        if (worker != null) {
            worker.destroy();
            worker.waitFor(30, TimeUnit.SECONDS);
        }
        server.destroy();
        if (!server.waitFor(90, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }
}
