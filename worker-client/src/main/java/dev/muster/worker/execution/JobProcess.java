package dev.muster.worker.execution;

import dev.muster.worker.logshipping.LogBuffer;
import dev.muster.worker.logshipping.StreamPump;
import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.LogStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the command of one attempt as {@code sh -c <command>} in its workspace — as another user with
 * {@code --run-as} — with the job's env on top of the worker's allow-listed variables ({@link JobEnvironment}),
 * feeding stdout and stderr into a {@link LogBuffer} as they come. It ends when the process
 * exits, the job's timeout passes, or the attempt is asked to stop; in the last two cases the whole process
 * tree is killed.
 *
 * <p>Output written before a kill is never thrown away: the processes are signalled through their
 * {@link ProcessHandle}s, never {@link Process#destroy()}, which also closes the JVM's ends of the pipes and so
 * drops whatever the pumps had not read yet; and {@code run} returns only once the pumps have read the pipes to
 * their end — or, when a process that escaped the tree keeps them open, after {@code outputGrace}.
 */
final class JobProcess {

    private static final System.Logger LOG = System.getLogger(JobProcess.class.getName());

    /** How the process ended: its exit code, and why it was stopped if it was. */
    record Ending(int exitCode, StopReason stopReason) {
    }

    private final ProcessTree tree;
    private final Duration outputGrace;
    private final Executor executor;
    private final JobEnvironment environment;
    private final RunAs runAs;

    JobProcess(ProcessTree tree, Duration outputGrace, Executor executor) {
        this(tree, outputGrace, executor, JobEnvironment.DEFAULT, RunAs.NONE);
    }

    /**
     * @param outputGrace how long to wait for the output pipes to close once the process is gone; a
     *     background child that outlives its shell (and so escaped the tree) may hold them open for ever
     */
    JobProcess(ProcessTree tree, Duration outputGrace, Executor executor, JobEnvironment environment, RunAs runAs) {
        this.tree = tree;
        this.outputGrace = outputGrace;
        this.executor = executor;
        this.environment = environment;
        this.runAs = runAs;
    }

    /** @throws IOException when the process cannot be started */
    Ending run(Attempt attempt, Path workspace, LogBuffer buffer) throws IOException {
        Process process = start(attempt.job(), workspace);
        CompletableFuture<Void> output = CompletableFuture.allOf(
                CompletableFuture.runAsync(new StreamPump(process.getInputStream(), LogStream.STDOUT, buffer), executor),
                CompletableFuture.runAsync(new StreamPump(process.getErrorStream(), LogStream.STDERR, buffer), executor));
        StopReason reason = awaitExitOrStop(process, attempt);
        if (reason != null) {
            tree.kill(process.toHandle());
        }
        int exitCode = awaitExitCode(process);
        awaitOutput(output, attempt);
        return new Ending(exitCode, reason);
    }

    private Process start(LeasedJob job, Path workspace) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(runAs.wrap(List.of("sh", "-c", job.command())))
                .directory(workspace.toFile());
        Map<String, String> env = environment.forJob(System.getenv(), job);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close(); // jobs get no input: a read sees end-of-file instead of hanging
        return process;
    }

    /** Null when the process exited by itself, else why it must be killed. */
    private static StopReason awaitExitOrStop(Process process, Attempt attempt) {
        CompletableFuture<Object> either = CompletableFuture.anyOf(process.onExit(), attempt.stopRequest());
        Duration timeout = attempt.job().timeout();
        try {
            if (timeout == null) {
                either.get();
            } else {
                either.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            return StopReason.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StopReason.SHUTDOWN; // the worker is abandoning its attempts
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the job failed", e);
        }
        return process.isAlive() ? attempt.stopRequest().getNow(StopReason.SHUTDOWN) : null;
    }

    private static int awaitExitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroyForcibly(); // not process.destroyForcibly(): that would close the pipes
            return -1;
        }
    }

    /** Waits until both pumps reached end-of-file: only then is everything the job wrote in the buffer. */
    private void awaitOutput(CompletableFuture<?> output, Attempt attempt) {
        try {
            output.get(outputGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "job {0}: a process it left behind keeps its output open; "
                    + "what that writes from now on is not logged", attempt.job().jobId());
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, () -> "job " + attempt.job().jobId() + ": reading its output failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the worker abandons the attempt: its output is not reported
        }
    }
}
