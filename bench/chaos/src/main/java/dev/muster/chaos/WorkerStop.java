package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SIGSTOP of a worker for longer than its lease, then SIGCONT. Meanwhile its leases expire and its jobs run
 * elsewhere; when it wakes up, its heartbeats, log chunks and results for them must be refused (409), which the
 * checker sees as: no second outcome recorded.
 */
final class WorkerStop implements Fault {

    private static final Duration BEYOND_LEASE = Duration.ofSeconds(4);

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        WorkerProcesses workers = context.cluster().workers();
        Victims.Victim victim = Victims.busiest(context);
        int active = victim.activeAttempts();
        Duration pause = Duration.ofSeconds(context.settings().leaseSeconds()).plus(BEYOND_LEASE);
        Instant start = Instant.now();
        workers.pause(victim.worker());
        context.log().accept("worker-stop: " + victim.name() + " stopped (SIGSTOP) with " + active + " active attempt(s) for "
                + pause.toSeconds() + " s");
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            workers.resume(victim.worker());
        }
        return new FaultRecord(context.scenario(), "worker " + victim.name() + " stopped " + pause.toSeconds() + " s", start,
                Instant.now(), List.of(victim.name()), true, active + " active attempt(s)");
    }
}
