package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.fake.FakeMusterServer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster worker} in a JVM of its own, stopped with real signals. */
class WorkerSignalsTest {

    @TempDir
    Path dir;

    private final FakeMusterServer server = new FakeMusterServer();
    private Process worker;

    WorkerSignalsTest() throws IOException {
    }

    @AfterEach
    void stop() {
        if (worker != null && worker.isAlive()) {
            worker.toHandle().destroyForcibly();
        }
        server.close();
    }

    @Test
    void aSigtermDrainsThenTheWorkerDeregistersAndExits0() throws Exception {
        String job = server.enqueue("echo started; sleep 1; echo finished", Map.of(), null);
        worker = startWorker("--drain-seconds", "30");
        await().atMost(Duration.ofSeconds(15)).until(() -> server.log(job).startsWith("out:started"));

        worker.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our ends of its pipes

        assertThat(worker.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();
        assertThat(server.completion(job).getString("outcome")).isEqualTo("exited");
        assertThat(server.output(job, "stdout")).isEqualTo("started\nfinished\n");
        assertThat(server.deregistered()).hasSize(1);
        assertThat(stderr()).contains("muster: stopping worker; running jobs get up to 30 s to finish "
                + "(signal again to kill them now)", "muster: worker stopped").doesNotContain("killing");
    }

    @Test
    void aSecondSigtermKillsTheRunningJobsWhichAreReportedAbandoned() throws Exception {
        String job = server.enqueue("echo started; sleep 60", Map.of(), null);
        worker = startWorker("--drain-seconds", "60");
        await().atMost(Duration.ofSeconds(15)).until(() -> server.log(job).startsWith("out:started"));
        worker.toHandle().destroy();
        await().atMost(Duration.ofSeconds(5)).until(() -> stderr().contains("muster: stopping worker"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(worker::isAlive); // draining
        long killing = System.nanoTime();

        worker.toHandle().destroy();

        assertThat(worker.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - killing)).isLessThan(Duration.ofSeconds(8));
        assertThat(worker.exitValue()).isZero();
        assertThat(stderr()).contains("muster: killing 1 running job\n", "muster: worker stopped");
        assertThat(server.completion(job).getString("outcome")).isEqualTo("abandoned");
        assertThat(server.log(job)).endsWith("[muster: killed: worker shut down]\n");
        assertThat(server.deregistered()).hasSize(1);
    }

    private Process startWorker(String... options) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), MusterCommand.class.getName(), "worker", "--server", server.uri().toString(),
                "--slots", "1", "--name", "signals-test", "--work-dir", dir.resolve("work").toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("output").toFile())
                .start();
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("output"));
    }

    /** The worker jar's classes and its two dependencies, wherever the build keeps them. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : Stream.of(MusterCommand.class, picocli.CommandLine.class, jakarta.json.Json.class,
                org.eclipse.parsson.JsonProviderImpl.class).toList()) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
