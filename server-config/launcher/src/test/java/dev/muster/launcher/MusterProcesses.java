package dev.muster.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts the built artifacts as a user would — the server bundle and the muster.jar — and stops what it started. */
final class MusterProcesses implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path bundle = Path.of(System.getProperty("muster.it.bundle"));
    private final Path workerJar = Path.of(System.getProperty("muster.it.workerJar"));
    private final List<Process> started = new ArrayList<>();
    /** What the last server started made for its users, read from its data directory as a user would. */
    private String token;
    private String enrolmentToken;

    /** Starts {@code muster-server.jar} and returns once it prints that it is ready. */
    Process server(Path dataDir, int port, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", bundle.resolve("muster-server.jar").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "MUSTER_DATA_DIR", dataDir.toString(),
                "MUSTER_HTTP_PORT", Integer.toString(port),
                "MUSTER_LOCAL_WORKER_SLOTS", "0"));
        Process server = track(builder.start());
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copy(server, log, ready), "server-log");
        copier.setDaemon(true);
        copier.start();
        try {
            if (!ready.get(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the server stopped before it was ready; see " + log);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the server was not ready in time; see " + log, e);
        }
        token = Files.readString(dataDir.resolve("admin-token")).trim();
        enrolmentToken = Files.readString(dataDir.resolve("enrolment-token")).trim();
        return server;
    }

    Process worker(int port, String pool, int slots, String labels, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", workerJar.toString(), "worker",
                "--server", "http://127.0.0.1:" + port, "--pool", pool, "--slots", Integer.toString(slots),
                "--labels", labels, "--name", "e2e-" + pool);
        builder.environment().put("MUSTER_ENROLMENT_TOKEN", enrolmentToken);
        return track(builder.redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
    }

    /** Runs a CLI command to the end and returns its exit code and standard output. */
    CliResult cli(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", workerJar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MUSTER_TOKEN", token);
        Process process = track(builder.start());
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("muster " + String.join(" ", args) + " did not finish in " + timeout);
        }
        return new CliResult(process.exitValue(), out.join(), err.join());
    }

    /** The admin API token the quick start generated and printed. */
    String token() {
        return token;
    }

    record CliResult(int exitCode, String stdout, String stderr) {
    }

    /** SIGTERM and wait: the launcher's shutdown hook stops Payara, the broker and PostgreSQL. */
    static void stopGracefully(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private Process track(Process process) {
        started.add(process);
        return process;
    }

    private static void copy(Process server, Path log, CompletableFuture<Boolean> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
             var out = java.nio.file.Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.startsWith("Muster is ready")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.complete(false);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            if (process.isAlive()) {
                stopGracefully(process);
            }
        }
    }
}
