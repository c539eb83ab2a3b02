package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.fake.FakeMusterServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster submit}'s retry and idempotency options, against a fake server. */
class SubmitCommandTest {

    private final FakeMusterServer server = new FakeMusterServer();
    private final Cli cli = new Cli();

    SubmitCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheRetrySettingsInTheBodyAndTheKeyAsAHeaderOnly() {
        int exit = cli.run("submit", "--server", server.uri().toString(), "--max-attempts", "5",
                "--retry-on-exit", "75,76", "--retry-backoff", "10", "--idempotency-key", "nightly-42",
                "--timeout", "600", "--", "./backup.sh");

        assertThat(exit).isZero();
        assertThat(cli.out()).isEqualTo("job-1" + System.lineSeparator());
        JsonObject body = server.submissions().get(0);
        assertThat(body.getInt("maxAttempts")).isEqualTo(5);
        assertThat(body.getJsonArray("retryOnExitCodes").getValuesAs(jakarta.json.JsonNumber.class))
                .extracting(jakarta.json.JsonNumber::intValue).containsExactly(75, 76);
        assertThat(body.getInt("retryBackoffSeconds")).isEqualTo(10);
        assertThat(body.getInt("timeoutSeconds")).isEqualTo(600);
        assertThat(body).doesNotContainKey("idempotencyKey");
        assertThat(server.idempotencyKeys()).containsExactly("nightly-42");
    }

    @Test
    void leavesRetriesToTheServerWhenNotGiven() {
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--", "true")).isZero();

        assertThat(server.submissions().get(0)).doesNotContainKeys("maxAttempts", "retryOnExitCodes",
                "retryBackoffSeconds", "idempotencyKey");
        assertThat(server.idempotencyKeys()).containsExactly("");
    }

    @Test
    void retriesASubmissionWithAKeyWhenItsAnswerIsLost() {
        server.dropSubmitAnswers(1); // the job is made, the connection closes before the answer

        int exit = cli.run("submit", "--server", server.uri().toString(), "--idempotency-key", "k-1", "--", "true");

        assertThat(exit).isZero();
        assertThat(cli.out()).isEqualTo("job-1" + System.lineSeparator());
        assertThat(server.idempotencyKeys()).containsExactly("k-1", "k-1");
        assertThat(server.jobCount()).as("the repeat answered the first job").isEqualTo(1);
    }

    @Test
    void triesASubmissionWithoutAKeyOnlyOnce() {
        server.dropSubmitAnswers(1);

        int exit = cli.run("submit", "--server", server.uri().toString(), "--", "true");

        assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(cli.err()).startsWith("muster: cannot reach " + server.uri());
        assertThat(server.submissions()).hasSize(1); // a repeat could have made a second job
    }

    @Test
    void refusesKeysThatCannotBeAHeader() {
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--idempotency-key", "a\nb", "--", "true"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--idempotency-key must not be blank or contain control characters");
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--retry-on-exit", "x", "--", "true"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(server.submissions()).isEmpty();
    }

    @Test
    void followSaysWhyTheJobEndedAndAfterHowManyAttempts() {
        CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.jobCount() == 1);
            server.end("job-1", "FAILED", "worker-lost", null, 3);
        });

        int exit = cli.run("submit", "--server", server.uri().toString(), "--follow", "--", "./flaky.sh");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("muster: job job-1 FAILED (worker-lost) in 1.5 s after 3 of 3 attempts");
    }

    @Test
    void helpShowsTheNewOptions() {
        assertThat(cli.run("submit", "--help")).isZero();
        assertThat(cli.out()).contains("--max-attempts=N", "--retry-on-exit=CODE", "--retry-backoff=SECONDS",
                "--idempotency-key=KEY", "--timeout=SECONDS");
    }

    @Test
    void submitsAJsModuleWithItsInput(@TempDir Path dir) throws IOException {
        Path task = Files.writeString(dir.resolve("task.js"), "export default (input) => input.n * 2;");
        Path input = Files.writeString(dir.resolve("input.json"), "{\"n\": 21}");

        int exit = cli.run("submit", "--server", server.uri().toString(), "--kind", "js", "--file", task.toString(),
                "--input", input.toString(), "--timeout", "30");

        assertThat(exit).as(cli.err()).isZero();
        JsonObject body = server.submissions().get(0);
        assertThat(body.getString("kind")).isEqualTo("js");
        assertThat(body.getString("script")).isEqualTo("export default (input) => input.n * 2;");
        assertThat(body.getJsonObject("input").getInt("n")).isEqualTo(21);
        assertThat(body.getInt("timeoutSeconds")).isEqualTo(30);
        assertThat(body).doesNotContainKeys("command", "env");
    }

    @Test
    void refusesAJsJobWithoutItsFileOrWithACommand(@TempDir Path dir) throws IOException {
        Path task = Files.writeString(dir.resolve("task.js"), "export default () => 1;");

        assertThat(cli.run("submit", "--server", server.uri().toString(), "--kind", "js")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--kind js needs --file");
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--kind", "js", "--file", task.toString(),
                "--", "echo")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--file", task.toString(), "--", "echo"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(server.submissions()).isEmpty();
    }

    @Test
    void refusesInputThatIsNotJsonOrAFileThatIsMissing(@TempDir Path dir) throws IOException {
        Path task = Files.writeString(dir.resolve("task.js"), "export default () => 1;");
        Path input = Files.writeString(dir.resolve("input.json"), "{n: 1");

        assertThat(cli.run("submit", "--server", server.uri().toString(), "--kind", "js", "--file", task.toString(),
                "--input", input.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("is not JSON");
        assertThat(cli.run("submit", "--server", server.uri().toString(), "--kind", "js", "--file",
                dir.resolve("missing.js").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("cannot read");
        assertThat(server.submissions()).isEmpty();
    }
}
