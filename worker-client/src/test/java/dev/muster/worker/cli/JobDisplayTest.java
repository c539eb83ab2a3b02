package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.fake.FakeMusterServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@code muster jobs} and {@code muster logs -f} show why a job ended and how often it ran. */
class JobDisplayTest {

    private final FakeMusterServer server = new FakeMusterServer();
    private final Cli cli = new Cli();

    JobDisplayTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void jobsShowsReasonsThatTheExitCodeDoesNotAndAttemptsOfMaxAttempts() {
        String lost = server.enqueue("./flaky.sh", Map.of(), null);
        server.end(lost, "FAILED", "worker-lost", null, 3);
        String exited = server.enqueue("exit 3", Map.of(), null);
        server.end(exited, "FAILED", "exit-code", 3, 1);
        String timedOut = server.enqueue("sleep 999", Map.of(), 1);
        server.end(timedOut, "TIMED_OUT", "timeout", null, 2);
        server.enqueue("make", Map.of(), null);

        assertThat(cli.run("jobs", "--server", server.uri().toString())).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +STATE +ATTEMPTS +EXIT +POOL +SUBMITTED +COMMAND");
        assertThat(row(lines, lost)).matches(lost + " +FAILED \\(worker-lost\\) +3/3 +- +default .*\\./flaky\\.sh");
        assertThat(row(lines, exited)).matches(exited + " +FAILED +1/3 +3 +default .*");
        assertThat(row(lines, timedOut)).matches(timedOut + " +TIMED_OUT +2/3 +- .*");
        assertThat(row(lines, "job-4")).matches("job-4 +QUEUED +0/3 +- .*");
    }

    @Test
    void logsFollowSaysWhyTheJobEnded() {
        String lost = server.enqueue("./flaky.sh", Map.of(), null);
        server.end(lost, "FAILED", "worker-lost", null, 3);

        assertThat(cli.run("logs", "--server", server.uri().toString(), "-f", lost)).isZero();

        assertThat(cli.err()).isEqualTo("muster: job " + lost + " ended FAILED (worker-lost)" + System.lineSeparator());
        cli.forget();
        assertThat(cli.run("logs", "--server", server.uri().toString(), lost)).isZero();
        assertThat(cli.err()).as("only when following").isEmpty();
    }

    @Test
    void aJobFromAnOlderServerWithoutMaxAttemptsShowsItsAttemptsAlone() {
        String job = server.enqueue("true", Map.of(), null);
        server.setMaxAttempts(job, null);

        cli.run("jobs", "--server", server.uri().toString());

        assertThat(row(cli.out().lines().toList(), job)).matches(job + " +QUEUED +0 +- .*");
    }

    private static String row(List<String> lines, String jobId) {
        return lines.stream().filter(l -> l.startsWith(jobId + " ")).findFirst().orElseThrow();
    }
}
