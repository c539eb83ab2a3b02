package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.execution.Worker;
import dev.muster.worker.execution.WorkerSettings;
import dev.muster.worker.execution.WorkerTuning;
import dev.muster.worker.fake.FakeMusterServer;
import dev.muster.worker.logshipping.LogShipper;
import dev.muster.worker.protocol.Backoff;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster cancel} against a fake server. */
class CancelCommandTest {

    @TempDir
    Path workDir;

    private final FakeMusterServer server = new FakeMusterServer();
    private final Cli cli = new Cli();
    private Worker worker;

    CancelCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        server.close();
    }

    @Test
    void cancelsAQueuedJobAtOnce() {
        String job = server.enqueue("make", Map.of(), null);

        assertThat(cli.run("cancel", "--server", server.uri().toString(), job)).isZero();

        assertThat(cli.out()).isEqualTo("cancelled " + job + System.lineSeparator());
        assertThat(server.state(job)).isEqualTo("CANCELLED");
        assertThat(cli.run("cancel", "--server", server.uri().toString(), job)).as("cancelling twice").isZero();
    }

    @Test
    void asksTheWorkerOfARunningJobToStopIt() {
        String job = server.enqueue("echo started; sleep 30", Map.of(), null);
        startWorker();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log(job).startsWith("out:started"));

        assertThat(cli.run("cancel", "--server", server.uri().toString(), job)).isZero();

        assertThat(cli.out()).isEqualTo("cancelling " + job + " (running; its worker stops it within one heartbeat)"
                + System.lineSeparator());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.state(job).equals("CANCELLED"));
        assertThat(server.completion(job).getString("outcome")).isEqualTo("cancelled");
    }

    @Test
    void saysWhichJobsCouldNotBeCancelledAndWhyAndGoesOnWithTheRest() {
        String failed = server.enqueue("exit 3", Map.of(), null);
        server.end(failed, "FAILED", "exit-code", 3, 1);
        String queued = server.enqueue("make", Map.of(), null);

        int exit = cli.run("cancel", "--server", server.uri().toString(), failed, "no-such-job", queued);

        assertThat(exit).isEqualTo(ExitCodes.NOT_ALL);
        assertThat(cli.err()).isEqualTo("muster: cannot cancel " + failed + ": it already ended FAILED (exit 3)"
                + System.lineSeparator() + "muster: cannot cancel no-such-job: no job no-such-job"
                + System.lineSeparator());
        assertThat(cli.out()).isEqualTo("cancelled " + queued + System.lineSeparator());
    }

    @Test
    void isListedInTheHelpWithAnExample() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("cancel", "1   cancel: some job could not be cancelled");
        cli.forget();
        assertThat(cli.run("cancel", "--help")).isZero();
        assertThat(cli.out()).contains("Usage: muster cancel", "JOB_ID...", "--server=URL", "Examples:",
                "muster cancel");
        assertThat(cli.run("cancel", "--server", server.uri().toString())).as("no job id").isEqualTo(ExitCodes.USAGE);
    }

    private void startWorker() {
        worker = new Worker(new WorkerSettings(List.of(server.uri()), "cancel-test", "default", List.of(), 1, workDir,
                Duration.ofSeconds(5)), new WorkerTuning(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                LogShipper.Cadence.DEFAULT, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1));
        worker.start();
    }
}
