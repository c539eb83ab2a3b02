package dev.muster.worker.execution;

import dev.muster.worker.protocol.HeartbeatReply;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.WorkerSession;
import java.lang.System.Logger.Level;
import java.util.concurrent.CancellationException;

/**
 * Tells the server every {@code heartbeatSeconds} which attempts still run, which extends their leases, and
 * acts on its answer: cancelled jobs are stopped and reported, stale attempts are stopped silently.
 * Runs until its thread is interrupted.
 */
final class HeartbeatLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(HeartbeatLoop.class.getName());

    private final WorkerSession session;
    private final RunningAttempts attempts;

    HeartbeatLoop(WorkerSession session, RunningAttempts attempts) {
        this.session = session;
        this.attempts = attempts;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(session.credentials().heartbeat().toMillis());
                beat();
            }
        } catch (InterruptedException | CancellationException e) {
            // the worker is stopping
        }
    }

    void beat() {
        try {
            HeartbeatReply reply = session.heartbeat(attempts.leases());
            reply.cancel().forEach(id -> stop(id, StopReason.CANCELLED));
            reply.stale().forEach(id -> stop(id, StopReason.LEASE_LOST));
        } catch (ProblemException e) {
            LOG.log(Level.WARNING, "heartbeat refused: {0}", e.getMessage());
        }
    }

    private void stop(String attemptId, StopReason reason) {
        attempts.find(attemptId).ifPresent(attempt -> {
            LOG.log(Level.INFO, "job {0}: {1} by the server", attempt.job().jobId(),
                    reason == StopReason.CANCELLED ? "cancelled" : "lease withdrawn");
            attempt.stop(reason);
        });
    }
}
