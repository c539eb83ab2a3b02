package dev.muster.worker.execution;

import dev.muster.worker.protocol.Backoff;
import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.WorkerSession;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Asks the server for work whenever a slot is free — never for more jobs than there are free slots — and
 * hands each leased job to the launcher. The request long-polls, so an idle worker costs the server one
 * request per {@code waitSeconds}. Runs until its thread is interrupted; a lease answer that is already on
 * its way then is lost, and the server re-queues those jobs when their leases expire.
 */
final class LeaseLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(LeaseLoop.class.getName());

    private final WorkerSession session;
    private final RunningAttempts attempts;
    private final Consumer<LeasedJob> launcher;
    private final int waitSeconds;
    private final Backoff backoff;

    LeaseLoop(WorkerSession session, RunningAttempts attempts, Consumer<LeasedJob> launcher, int waitSeconds,
            Backoff backoff) {
        this.session = session;
        this.attempts = attempts;
        this.launcher = launcher;
        this.waitSeconds = waitSeconds;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        int refusals = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int free = attempts.awaitFreeSlots();
                try {
                    List<LeasedJob> jobs = session.lease(free, waitSeconds);
                    refusals = 0;
                    jobs.forEach(launcher);
                } catch (ProblemException e) {
                    // Not a transport failure (those are retried inside the session) but a refusal; waiting
                    // keeps a misconfigured worker from spinning against the server.
                    LOG.log(Level.WARNING, "lease refused: {0}", e.getMessage());
                    Thread.sleep(backoff.delay(refusals++).toMillis());
                }
            }
        } catch (InterruptedException | CancellationException e) {
            // the worker is stopping
        }
    }
}
