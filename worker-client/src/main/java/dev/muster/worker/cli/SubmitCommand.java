package dev.muster.worker.cli;

import dev.muster.worker.protocol.ChunkPage;
import dev.muster.worker.protocol.Job;
import dev.muster.worker.protocol.JobState;
import dev.muster.worker.protocol.JobSubmission;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.ScriptSubmission;
import dev.muster.worker.protocol.Submission;
import dev.muster.worker.protocol.WorkspaceSubmission;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster submit}: queue a shell command or a JavaScript module as a job, optionally following it to its end. */
@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Submits a shell command (or, with --kind js, a JavaScript module for browser workers) as a job "
                + "and prints its id.",
            "With --follow, streams the job's output and exits with the job's exit code; a js job's result is "
                + "printed as JSON."},
        footer = {"%nExamples:",
            "  muster submit -- make test",
            "  muster submit --pool build --timeout 600 --follow -- ./gradlew build",
            "  muster submit --env GREETING=hi -f -- sh -c 'echo $GREETING; exit 3'",
            "  muster submit --max-attempts 5 --retry-on-exit 75 -- ./flaky-test.sh",
            "  muster submit --idempotency-key nightly-2026-11-23 -- ./backup.sh",
            "  muster submit --workspace . --follow -- ./build.sh",
            "  muster submit --kind js --file task.js --input input.json --follow"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:submitted (or, with --follow, the job succeeded)", "2:usage error",
            "3:server unreachable", "4:server refused the request",
            "N:with --follow, the job's exit code; 124 timed out, 130 cancelled"})
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "shell",
            description = "shell (a command, the default) or js (a JavaScript module, --file, run by browser workers).")
    String kind;

    @Option(names = "--file", paramLabel = "FILE",
            description = "js: the module to run; it exports a function of (input, ctx) whose value is the result.")
    Path scriptFile;

    @Option(names = "--input", paramLabel = "FILE", description = "js: a JSON file, passed to the module's function as input.")
    Path inputFile;

    @Option(names = "--pool", paramLabel = "NAME",
            description = "Pool whose workers may run the job (server default: default; browser for js jobs).")
    String pool;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "Labels a worker must have, comma-separated.")
    List<String> labels;

    @Option(names = "--priority", paramLabel = "0-9", description = "0 lowest … 9 highest (server default: 4).")
    Integer priority;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill the job after this many seconds.")
    Integer timeoutSeconds;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "How often the job may run, 1-100: a lost or stopped worker, or an exit code of "
                    + "--retry-on-exit, starts another attempt while attempts remain (server default: 3).")
    Integer maxAttempts;

    @Option(names = "--retry-on-exit", split = ",", paramLabel = "CODE",
            description = "Exit codes (1-255) that make the job run again, comma-separated, e.g. 75.")
    List<Integer> retryOnExitCodes;

    @Option(names = "--retry-backoff", paramLabel = "SECONDS",
            description = "Wait before a retry: this, doubled for each further retry, with jitter (server default: 5).")
    Integer retryBackoffSeconds;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Creates the job only once for this key: submitting it again answers the first job. "
                    + "It also lets a submission that lost its connection be retried safely.")
    String idempotencyKey;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable for the job; repeatable.")
    Map<String, String> env;

    @Option(names = "--workspace", paramLabel = "PATH",
            description = "A directory (zipped on the fly: files and directories, links skipped) or a .zip file, "
                    + "uploaded first and unpacked into the job's working directory by the worker.")
    Path workspace;

    @Option(names = {"-f", "--follow"}, description = "Stream the job's output and exit with its exit code.")
    boolean follow;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command, after --. Several words are re-quoted for sh -c; one word is a script.")
    List<String> command;

    @Override
    public Integer call() throws InterruptedException {
        validateKey();
        Submission submission = submission();
        MusterClient client = server.client();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workspace != null) {
            submission = withWorkspace(submission, client, err);
        }
        long started = System.nanoTime();
        Job job = client.submit(submission, idempotencyKey);
        if (!follow) {
            out.println(job.id());
            out.flush();
            return ExitCodes.OK;
        }
        err.printf("muster: job %s %s in pool %s…%n", job.id(), job.state().name().toLowerCase(Locale.ROOT),
                job.pool());
        err.flush();
        StateReporter states = new StateReporter(job, err);
        new LogFollower(client, out, err, Duration.ofMillis(300), states).print(job.id(), true);
        JobOutcome outcome = new JobOutcome(client.job(job.id()));
        if (outcome.job().result() != null) {
            out.println(outcome.job().result());
            out.flush();
        }
        if (outcome.job().errorMessage() != null) {
            err.println("muster: the job threw: " + outcome.job().errorMessage());
        }
        err.println("muster: " + outcome.summary(Duration.ofNanos(System.nanoTime() - started)));
        err.flush();
        return outcome.exitCode();
    }

    private Submission submission() {
        JobSubmission.Retry retry = new JobSubmission.Retry(maxAttempts, retryOnExitCodes, retryBackoffSeconds);
        switch (kind) {
            case "shell" -> {
                if (scriptFile != null || inputFile != null) {
                    throw usage("--file and --input are for --kind js; a shell job runs the COMMAND after --");
                }
                if (command == null || command.isEmpty()) {
                    throw usage("Missing required parameter: 'COMMAND' (muster submit [OPTIONS] -- COMMAND [ARG...])");
                }
                return new JobSubmission(ShellWords.join(command), pool, labels, priority, timeoutSeconds, env, retry);
            }
            case "js" -> {
                if (command != null && !command.isEmpty()) {
                    throw usage("a js job runs --file, not a COMMAND (" + String.join(" ", command) + ")");
                }
                if (scriptFile == null) {
                    throw usage("--kind js needs --file: the JavaScript module to run");
                }
                if (env != null || labels != null) {
                    throw usage("--env and --labels are for shell jobs; pass a js job its values with --input");
                }
                return new ScriptSubmission(read(scriptFile, "--file"), inputFile == null ? null : json(inputFile),
                        pool, priority, timeoutSeconds, retry);
            }
            default -> throw usage("--kind must be shell or js, not " + kind);
        }
    }

    /** Uploads the workspace and names it in the submission. */
    private Submission withWorkspace(Submission submission, MusterClient client, PrintWriter err) {
        if (!(submission instanceof JobSubmission job)) {
            throw usage("--workspace is for shell jobs");
        }
        try {
            return new WorkspaceSubmission(job, new WorkspaceUploader(client, err).upload(workspace));
        } catch (IllegalArgumentException e) {
            throw usage("--workspace: " + e.getMessage());
        } catch (IOException e) {
            throw usage("--workspace: cannot read " + workspace + " (" + e + ")");
        }
    }

    private JsonValue json(Path file) {
        try (JsonReader reader = Json.createReader(new StringReader(read(file, "--input")))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw usage("--input " + file + " is not JSON: " + e.getMessage());
        }
    }

    private String read(Path file, String option) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw usage(option + ": cannot read " + file + " (" + e + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A header value cannot hold line breaks; the server checks the rest (length, printable characters). */
    private void validateKey() {
        if (idempotencyKey != null
                && (idempotencyKey.isBlank() || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
            throw new ParameterException(spec.commandLine(),
                    "--idempotency-key must not be blank or contain control characters");
        }
    }

    /** Says once when the job starts running, so a long queue wait is visible. */
    private static final class StateReporter implements Consumer<ChunkPage> {
        private final Job job;
        private final PrintWriter err;
        private JobState last;

        StateReporter(Job job, PrintWriter err) {
            this.job = job;
            this.err = err;
            this.last = job.state();
        }

        @Override
        public void accept(ChunkPage page) {
            if (page.state() == JobState.RUNNING && last != JobState.RUNNING) {
                err.printf("muster: job %s running…%n", job.id());
                err.flush();
            }
            last = page.state();
        }
    }
}
