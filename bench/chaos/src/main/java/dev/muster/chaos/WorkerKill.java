package dev.muster.chaos;

import java.time.Instant;
import java.util.List;

/** kill -9 of a worker (and the jobs it runs: its machine died); a replacement worker starts at once. */
final class WorkerKill implements Fault {

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        WorkerProcesses workers = context.cluster().workers();
        Victims.Victim victim = Victims.busiest(context);
        int active = victim.activeAttempts();
        Instant start = Instant.now();
        workers.kill(victim.worker());
        WorkerProcesses.Worker replacement = workers.start();
        context.log().accept("worker-kill: " + victim.name() + " killed with " + active + " active attempt(s); "
                + replacement.name() + " started");
        return new FaultRecord(context.scenario(), "worker " + victim.name() + " killed", start, Instant.now(),
                List.of(victim.name()), true, active + " active attempt(s)");
    }
}
