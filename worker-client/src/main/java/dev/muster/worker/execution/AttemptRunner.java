package dev.muster.worker.execution;

import dev.muster.worker.logshipping.LogBuffer;
import dev.muster.worker.logshipping.LogShipper;
import dev.muster.worker.protocol.Completion;
import dev.muster.worker.protocol.Completion.Outcome;
import dev.muster.worker.protocol.LeaseLostException;
import dev.muster.worker.protocol.LogStream;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.WorkerSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs one attempt from start to report: a fresh workspace, the process, its output shipped while it runs,
 * and — only after every log chunk is stored — the completion. An attempt whose lease is lost is killed and
 * never reported.
 */
final class AttemptRunner implements Runnable {

    private static final System.Logger LOG = System.getLogger(AttemptRunner.class.getName());

    private final Attempt attempt;
    private final WorkerSession session;
    private final Path workDir;
    private final WorkerTuning tuning;
    private final ExecutorService executor;
    private final JobIsolation isolation;

    AttemptRunner(Attempt attempt, WorkerSession session, Path workDir, WorkerTuning tuning,
            ExecutorService executor, JobIsolation isolation) {
        this.attempt = attempt;
        this.session = session;
        this.workDir = workDir;
        this.tuning = tuning;
        this.executor = executor;
        this.isolation = isolation;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        LogBuffer buffer = new LogBuffer(tuning.logCapacityBytes(), tuning.cadence().batchBytes() / 4);
        LogShipper shipper = new LogShipper(buffer, batch -> session.log(attempt.lease(), batch), tuning.cadence());
        CompletableFuture<Void> shipping = CompletableFuture.runAsync(shipper, executor).thenRun(() -> {
            if (shipper.leaseLost()) {
                attempt.stop(StopReason.LEASE_LOST);
            }
        });
        Completion completion = execute(buffer, started);
        if (completion == null || attempt.stopRequest().getNow(null) == StopReason.LEASE_LOST) {
            buffer.discard(); // the attempt is someone else's now: not even its log is reported
            LOG.log(Level.INFO, "job {0}: lease lost, not reporting", attempt.job().jobId());
            return;
        }
        buffer.close();
        if (awaitShipping(shipping) && !shipper.leaseLost()) {
            report(completion);
        }
    }

    /** Prepares the workspace and runs the process; null when the attempt must not be reported. */
    private Completion execute(LogBuffer buffer, long started) {
        RunAs runAs = isolation.runAs();
        try (Workspace workspace = Workspace.create(workDir, attempt.id())) {
            try {
                new WorkspaceFetcher(session, isolation.archiveLimits(), tuning.downloadStall())
                        .fetchInto(attempt, workspace.directory(), workDir);
                runAs.handOver(workspace.directory());
                JobProcess process = new JobProcess(new ProcessTree(tuning.killGrace(), runAs.signals()),
                        tuning.outputGrace(), executor, isolation.environment(), runAs);
                JobProcess.Ending ending = process.run(attempt, workspace.directory(), buffer);
                return toCompletion(ending, buffer, since(started));
            } finally {
                runAs.takeBack(workspace.directory());
            }
        } catch (WorkspaceRefusedException e) {
            // The closest outcome the protocol has: "error" (the worker could not start the job) ends the job
            // FAILED without another attempt, which is right, since the same archive would be refused again.
            return error("workspace refused: " + e.getMessage(), buffer, started);
        } catch (ProblemException e) {
            return error("cannot download the workspace: " + e.getMessage(), buffer, started);
        } catch (IOException e) {
            StopReason stopped = attempt.stopRequest().getNow(null);
            if (stopped != null) { // stopped while the workspace was downloading: as if killed then
                return toCompletion(new JobProcess.Ending(-1, stopped), buffer, since(started));
            }
            return error("cannot start the job: " + e.getMessage(), buffer, started);
        } catch (LeaseLostException | CancellationException e) {
            return null; // lease gone while downloading the workspace, or the worker is abandoning its attempts
        }
    }

    private static Completion error(String detail, LogBuffer buffer, long started) {
        buffer.append(LogStream.STDERR, "[muster: " + detail + "]\n");
        return Completion.of(Outcome.ERROR, since(started), detail);
    }

    private Completion toCompletion(JobProcess.Ending ending, LogBuffer buffer, Duration duration) {
        StopReason reason = ending.stopReason();
        if (reason == null) {
            return Completion.exited(ending.exitCode(), duration);
        }
        if (!reason.reported()) {
            return null;
        }
        String note = switch (reason) {
            case TIMED_OUT -> "timed out after " + attempt.job().timeoutSeconds() + " s";
            case CANCELLED -> "cancelled";
            case SHUTDOWN -> "worker shut down";
            case LEASE_LOST -> throw new IllegalStateException("not reported");
        };
        buffer.append(LogStream.STDERR, "\n[muster: killed: " + note + "]\n");
        return switch (reason) {
            case TIMED_OUT -> Completion.of(Outcome.TIMED_OUT, duration, note);
            case CANCELLED -> Completion.of(Outcome.CANCELLED, duration, null);
            case SHUTDOWN -> Completion.of(Outcome.ABANDONED, duration, note); // the server runs it again
            case LEASE_LOST -> null;
        };
    }

    private void report(Completion completion) {
        try {
            session.complete(attempt.lease(), completion);
            LOG.log(Level.INFO, "job {0} {1}", attempt.job().jobId(), describe(completion));
        } catch (LeaseLostException e) {
            LOG.log(Level.INFO, "job {0}: lease lost before completion", attempt.job().jobId());
        } catch (ProblemException e) {
            LOG.log(Level.WARNING, "job {0}: completion refused: {1}", attempt.job().jobId(), e.getMessage());
        } catch (CancellationException e) {
            LOG.log(Level.WARNING, "job {0}: abandoned before its completion was reported",
                    attempt.job().jobId());
        }
    }

    /** @return whether every chunk was shipped */
    private boolean awaitShipping(CompletableFuture<Void> shipping) {
        try {
            shipping.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "job {0}: log shipping failed: {1}", attempt.job().jobId(), e.getCause());
            return true;
        }
    }

    private static String describe(Completion completion) {
        return completion.outcome() == Outcome.EXITED ? "exited " + completion.exitCode()
                : completion.outcome().wireName() + (completion.detail() == null ? "" : " (" + completion.detail() + ")");
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
