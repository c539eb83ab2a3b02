package dev.muster.chaos;

import java.time.Instant;

/**
 * Jobs whose shell and child shell ignore SIGTERM, with a 3 s timeout: they must end TIMED_OUT and leave no process
 * behind (the worker has to SIGKILL the whole tree).
 */
final class TermIgnoringJobs implements Fault {

    static final int JOBS = 3;

    @Override
    public FaultRecord inject(FaultContext context) {
        Instant start = Instant.now();
        for (int i = 0; i < JOBS; i++) {
            context.submitter().submit(context.workload().plan(context.scenario(), JobKind.TERM_IGNORING));
        }
        context.log().accept("term-ignoring-job: " + JOBS + " jobs that ignore SIGTERM submitted (timeout 3 s)");
        return FaultRecord.of(context.scenario(), JOBS + " SIGTERM-ignoring jobs", start, "");
    }
}
