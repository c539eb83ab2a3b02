package dev.muster.worker.execution;

import dev.muster.worker.protocol.AttemptLease;
import dev.muster.worker.protocol.LeasedJob;
import java.util.concurrent.CompletableFuture;

/**
 * One leased job while this worker runs it. Other threads (heartbeat, shutdown, log shipping) ask it to stop;
 * the thread running the attempt does the actual killing, so a slow kill never blocks the heartbeat.
 * The first stop reason wins.
 */
final class Attempt {

    private final LeasedJob job;
    private final CompletableFuture<StopReason> stopRequest = new CompletableFuture<>();

    Attempt(LeasedJob job) {
        this.job = job;
    }

    LeasedJob job() {
        return job;
    }

    String id() {
        return job.attemptId();
    }

    AttemptLease lease() {
        return job.lease();
    }

    void stop(StopReason reason) {
        stopRequest.complete(reason);
    }

    /** Completes with the reason once someone asks the attempt to stop. */
    CompletableFuture<StopReason> stopRequest() {
        return stopRequest;
    }
}
