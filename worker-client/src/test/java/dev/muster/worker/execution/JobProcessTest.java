package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.logshipping.LogBuffer;
import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.LogChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class JobProcessTest {

    @TempDir
    Path workspace;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final JobProcess process = new JobProcess(new ProcessTree(Duration.ofSeconds(1)), Duration.ofSeconds(1),
            executor);
    private final LogBuffer buffer = new LogBuffer(1 << 20, 1 << 16);
    /** SIGKILL 300 ms after SIGTERM. */
    private final JobProcess quickKills = new JobProcess(new ProcessTree(Duration.ofMillis(300)), Duration.ofSeconds(1),
            executor);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void runsTheCommandInTheWorkspaceWithTheJobsEnvironment() throws IOException {
        Attempt attempt = attempt("echo \"$GREETING from $(pwd)\"; echo $PATH_IS_SET >&2; touch made; exit 3",
                Map.of("GREETING", "hi", "PATH_IS_SET", "yes"), null);

        JobProcess.Ending ending = process.run(attempt, workspace, buffer);

        assertThat(ending).isEqualTo(new JobProcess.Ending(3, null));
        // stdout and stderr are separate pipes: only each stream's own order is certain
        assertThat(log()).contains("hi from " + workspace.toRealPath() + "\n", "yes\n").hasSize(
                ("hi from " + workspace.toRealPath() + "\nyes\n").length());
        assertThat(workspace.resolve("made")).exists();
    }

    @RepeatedTest(5)
    void killsTheWholeTreeWhenTheTimeoutPassesAndKeepsWhatItWrote() throws IOException {
        Attempt attempt = attempt("echo started; sleep 30 & echo $! > background.pid; sleep 30", Map.of(), 1);
        long started = System.nanoTime();

        JobProcess.Ending ending = process.run(attempt, workspace, buffer);

        assertThat(ending.stopReason()).isEqualTo(StopReason.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        // Exactly this: the shell is signalled before its children, so it cannot add "Terminated" job notices
        assertThat(log()).isEqualTo("started\n");
        long background = Long.parseLong(Files.readString(workspace.resolve("background.pid")).strip());
        assertThat(ProcessHandle.of(background).filter(ProcessTree::isRunning)).isEmpty();
    }

    @Test
    void stopsWhenAskedAndSaysWhy() throws IOException {
        Attempt attempt = attempt("sleep 30", Map.of(), null);
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                .execute(() -> attempt.stop(StopReason.CANCELLED));

        JobProcess.Ending ending = process.run(attempt, workspace, buffer);

        assertThat(ending.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(ending.exitCode()).isNotZero();
    }

    @RepeatedTest(3)
    void keepsEverythingWrittenBeforeTheKill() throws IOException {
        // 200 KiB, more than a pipe holds, written right before the kill: the pumps are still reading when it comes
        Attempt attempt = attempt("head -c 204800 /dev/zero | tr '\\0' x; echo; echo end >&2; touch written; sleep 30",
                Map.of(), null);
        stopOnceWritten(attempt, "written", StopReason.CANCELLED);

        JobProcess.Ending ending = process.run(attempt, workspace, buffer);

        assertThat(ending.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(log()).hasSize(204800 + "\nend\n".length()).startsWith("xxx").contains("end\n");
    }

    @ParameterizedTest
    @EnumSource(StopReason.class)
    void killsATreeThatIgnoresSigtermWithSigkillWhateverTheReason(StopReason reason) throws IOException {
        Attempt attempt = attempt("trap '' TERM; echo $$ > shell.pid; "
                + "sh -c \"trap '' TERM; echo \\$\\$ > child.pid; sleep 60\" & sleep 60", Map.of(), null);
        stopOnceRunning(attempt, reason);
        long started = System.nanoTime();

        JobProcess.Ending ending = quickKills.run(attempt, workspace, buffer);

        assertThat(ending.stopReason()).isEqualTo(reason);
        assertThat(ending.exitCode()).isEqualTo(128 + 9); // SIGKILL: SIGTERM was ignored
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        for (String pidFile : List.of("shell.pid", "child.pid")) {
            long pid = Long.parseLong(Files.readString(workspace.resolve(pidFile)).strip());
            assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning)).as(pidFile).isEmpty();
        }
    }

    @Test
    void killsATimedOutTreeThatIgnoresSigterm() throws IOException {
        Attempt attempt = attempt("trap '' TERM; sh -c \"trap '' TERM; sleep 60\" & sleep 60", Map.of(), 1);
        long started = System.nanoTime();

        JobProcess.Ending ending = quickKills.run(attempt, workspace, buffer);

        assertThat(ending).isEqualTo(new JobProcess.Ending(128 + 9, StopReason.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1200), Duration.ofSeconds(5));
    }

    @Test
    void failsToStartInAMissingDirectory() {
        Attempt attempt = attempt("true", Map.of(), null);

        assertThatThrownBy(() -> process.run(attempt, workspace.resolve("missing"), buffer))
                .isInstanceOf(IOException.class);
    }

    /** Asks the attempt to stop once the child's pid file shows the tree is up, so the kill meets the traps. */
    private void stopOnceRunning(Attempt attempt, StopReason reason) {
        stopOnceWritten(attempt, "child.pid", reason);
    }

    private void stopOnceWritten(Attempt attempt, String file, StopReason reason) {
        CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(workspace.resolve(file))
                    && (file.equals("written") || !Files.readString(workspace.resolve(file)).isBlank()));
            attempt.stop(reason);
        }, executor);
    }

    private String log() {
        buffer.close();
        List<LogChunk> chunks = buffer.takeBatch(1 << 20);
        return chunks.stream().map(LogChunk::data).collect(Collectors.joining());
    }

    private static Attempt attempt(String command, Map<String, String> env, Integer timeoutSeconds) {
        return new Attempt(new LeasedJob("job-1", "attempt-1", "token", null, command, env, timeoutSeconds));
    }
}
