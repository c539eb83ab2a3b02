package dev.muster.worker.execution;

import dev.muster.worker.protocol.Backoff;
import dev.muster.worker.protocol.HeartbeatReply;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.ServerUnreachableException;
import dev.muster.worker.protocol.WorkerSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Tells the server every {@code heartbeatSeconds} which attempts still run, which extends their leases, and
 * acts on its answer: cancelled jobs are stopped and reported, stale attempts are stopped silently.
 *
 * <p>A heartbeat that does not get through is not retried as it was: the next one, sent after a backoff that
 * never exceeds the heartbeat interval, lists the attempts running by then. So when the server comes back after
 * an outage, its first heartbeat extends exactly the leases the worker holds at that moment, soon enough for the
 * server's reaper, which waits one lease period after an outage before it reaps.
 * Runs until its thread is interrupted.
 */
final class HeartbeatLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(HeartbeatLoop.class.getName());

    private final WorkerSession session;
    private final RunningAttempts attempts;
    private final Backoff backoff;
    private int failures;

    HeartbeatLoop(WorkerSession session, RunningAttempts attempts, Backoff backoff) {
        this.session = session;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(nextPause().toMillis());
                beat();
            }
        } catch (InterruptedException | CancellationException e) {
            // the worker is stopping
        }
    }

    /** @return whether the server got the heartbeat */
    boolean beat() {
        try {
            HeartbeatReply reply = session.heartbeat(attempts.leases());
            if (failures > 0) {
                LOG.log(Level.INFO, "heartbeat delivered again after {0} failed tries", failures);
            }
            failures = 0;
            reply.cancel().forEach(id -> stop(id, StopReason.CANCELLED));
            reply.stale().forEach(id -> stop(id, StopReason.LEASE_LOST));
            return true;
        } catch (ServerUnreachableException e) {
            return failed(e.getMessage());
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                return failed(e.getMessage());
            }
            LOG.log(Level.WARNING, "heartbeat refused: {0}", e.getMessage());
            return true; // a refusal is an answer: trying again at once would only be refused again
        }
    }

    private boolean failed(String why) {
        if (failures++ == 0) {
            LOG.log(Level.WARNING, "heartbeat failed, trying again with the jobs running then: {0}", why);
        }
        return false;
    }

    private Duration nextPause() {
        Duration interval = session.credentials().heartbeat();
        if (failures == 0) {
            return interval;
        }
        Duration retry = backoff.delay(failures - 1);
        return retry.compareTo(interval) < 0 ? retry : interval;
    }

    private void stop(String attemptId, StopReason reason) {
        attempts.find(attemptId).ifPresent(attempt -> {
            LOG.log(Level.INFO, "job {0}: {1} by the server", attempt.job().jobId(),
                    reason == StopReason.CANCELLED ? "cancelled" : "lease withdrawn");
            attempt.stop(reason);
        });
    }
}
