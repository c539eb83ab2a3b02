package dev.muster.chaos;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cancels jobs through {@code POST /api/v1/jobs/{id}/cancel}: a few once they run (a tree of sleeping shells; they
 * must end CANCELLED with no process left), and one that waits in a pool nobody serves (CANCELLED at once, no attempt).
 */
final class CancelRunningJobs implements Fault {

    static final int RUNNING = 2;
    private static final Duration RUNNING_LIMIT = Duration.ofSeconds(60);

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        Instant start = Instant.now();
        PlannedJob queued = context.workload().plan(context.scenario(), JobKind.CANCEL_QUEUED);
        context.submitter().submit(queued);
        cancel(context, queued);
        List<PlannedJob> running = new ArrayList<>();
        for (int i = 0; i < RUNNING; i++) {
            PlannedJob job = context.workload().plan(context.scenario(), JobKind.CANCEL_RUNNING);
            context.submitter().submit(job);
            running.add(job);
        }
        int cancelled = 0;
        for (PlannedJob job : running) {
            if (awaitRunning(context, job)) {
                cancel(context, job);
                cancelled++;
            }
        }
        context.log().accept("term-ignoring-job: cancelled 1 queued and " + cancelled + " of " + RUNNING + " running jobs");
        return FaultRecord.of(context.scenario(), "cancelled 1 queued, " + cancelled + " running", start, "");
    }

    private static boolean awaitRunning(FaultContext context, PlannedJob job) throws InterruptedException {
        String id = context.ledger().submission(job.token()).answer().jobId();
        long deadline = System.nanoTime() + RUNNING_LIMIT.toNanos();
        while (id != null && System.nanoTime() < deadline) {
            try {
                if (context.cluster().api().job(id).getString("state").equals("RUNNING")) {
                    return true;
                }
            } catch (IOException | RuntimeException notNow) {
                // asked again below
            }
            Thread.sleep(300);
        }
        return false;
    }

    private static void cancel(FaultContext context, PlannedJob job) throws InterruptedException {
        String id = context.ledger().submission(job.token()).answer().jobId();
        if (id == null) {
            return;
        }
        for (int tries = 0; tries < 5; tries++) {
            try {
                context.ledger().cancelled(job.token(), context.cluster().api().cancel(id).statusCode());
                return;
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
        context.ledger().cancelled(job.token(), 0);
    }
}
