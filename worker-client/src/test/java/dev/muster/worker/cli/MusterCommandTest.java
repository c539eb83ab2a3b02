package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.execution.Worker;
import dev.muster.worker.execution.WorkerSettings;
import dev.muster.worker.execution.WorkerTuning;
import dev.muster.worker.fake.FakeMusterServer;
import dev.muster.worker.logshipping.LogShipper;
import dev.muster.worker.protocol.Backoff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI through the real picocli parser, against a fake server. */
class MusterCommandTest {

    @TempDir
    Path workDir;

    private final FakeMusterServer server = new FakeMusterServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Worker worker;

    MusterCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        server.close();
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: muster", "submit", "logs", "jobs", "worker", "Exit codes:",
                "3   server unreachable", "Examples:");
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        for (String command : List.of("submit", "logs", "jobs", "worker")) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: muster " + command, "--server=URL", "Examples:",
                    "muster " + command);
        }
        run("worker", "--help");
        assertThat(out.toString()).contains("--slots=N", "--drain-seconds=S", "--pool=NAME", "default: default");
    }

    @Test
    void versionNamesTheTool() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("muster ");
    }

    @Test
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        assertThat(run("submit", "--server", server.uri().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'COMMAND");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("submit", "--priority", "high", "--", "true")).isEqualTo(2);
        assertThat(server.registrations()).isEmpty();
    }

    @Test
    void workerNeedsAtLeastOneSlot() {
        assertThat(run("worker", "--server", server.uri().toString(), "--slots", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--slots must be at least 1, was 0");
        assertThat(server.registrations()).isEmpty();
    }

    @Test
    void submitPrintsTheJobIdAndSendsTheQuotedCommandAndOptions() {
        int exit = run("submit", "--server", server.uri().toString(), "--env", "K=V", "--timeout", "60",
                "--", "sh", "-c", "echo $K; exit 2");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("job-1" + System.lineSeparator());
        assertThat(server.job("job-1").getString("command")).isEqualTo("sh -c 'echo $K; exit 2'");
        assertThat(server.job("job-1").getInt("timeoutSeconds")).isEqualTo(60);
        assertThat(server.env("job-1")).isEqualTo(Map.of("K", "V"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void submitFollowStreamsTheOutputAndExitsWithTheJobsExitCode() {
        startWorker();

        int exit = run("submit", "--server", server.uri().toString(), "--follow", "--",
                "echo out; sleep 0.3; echo err >&2; sleep 0.3; echo more; exit 3");

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("out\nmore\n");
        assertThat(err.toString()).startsWith("muster: job job-1 queued in pool default…")
                .contains("err\n")
                .containsPattern("muster: job job-1 FAILED \\(exit 3\\) in \\d+\\.\\d s");
    }

    @Test
    void submitFollowExits124WhenTheJobTimesOut() {
        startWorker();

        assertThat(run("submit", "--server", server.uri().toString(), "--timeout", "1", "-f", "--", "sleep 30"))
                .isEqualTo(124);
        assertThat(err.toString()).contains("TIMED_OUT");
    }

    @Test
    void aRefusedRequestExitsWith4AndTheServersDetail() {
        assertThat(run("submit", "--server", server.uri().toString(), "--", " ")).isEqualTo(4);
        assertThat(err.toString()).isEqualTo("muster: command: must not be blank" + System.lineSeparator());
    }

    @Test
    void anUnreachableServerExitsWith3() throws IOException {
        String dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = "http://127.0.0.1:" + socket.getLocalPort();
        }

        assertThat(run("jobs", "--server", dead)).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("muster: cannot reach " + dead + ": connection refused"
                + System.lineSeparator());
    }

    @Test
    void jobsPrintsATable() {
        server.enqueue("echo " + "very long command ".repeat(10), Map.of(), null);
        server.enqueue("make test", Map.of(), null);

        assertThat(run("jobs", "--server", server.uri().toString())).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("ID +STATE +ATTEMPTS +EXIT +POOL +SUBMITTED +COMMAND");
        assertThat(lines.get(1)).startsWith("job-2").contains("QUEUED", "default", "make test");
        assertThat(lines.get(2)).startsWith("job-1").endsWith("…");
        assertThat(lines).hasSize(3);
    }

    @Test
    void logsPrintsBothStreamsOfAFinishedJob() {
        startWorker();
        run("submit", "--server", server.uri().toString(), "-f", "--", "echo hello; echo oops >&2");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(run("logs", "--server", server.uri().toString(), "job-1")).isZero();

        assertThat(out.toString()).isEqualTo("hello\n");
        assertThat(err.toString()).isEqualTo("oops\n");
        assertThat(run("logs", "--server", server.uri().toString(), "no-such-job")).isEqualTo(4);
    }

    private int run(String... args) {
        CommandLine command = MusterCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private void startWorker() {
        worker = new Worker(new WorkerSettings(List.of(server.uri()), "cli-test", "default", List.of(), 2, workDir,
                Duration.ofSeconds(5)), new WorkerTuning(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                LogShipper.Cadence.DEFAULT, 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1));
        worker.start();
    }
}
