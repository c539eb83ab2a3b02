package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * Jobs finished per second (jobs.finished_at, any pool) before, during and after a phase's faults. "During" lasts
 * from the first fault until the last one is over and, after a worker loss, until its last attempt was requeued: a
 * kill takes no time, its cost is the wait for the lease to expire.
 */
record Throughput(double before, double during, double after) {

    /** @param lastRequeue when the last attempt a fault took away started again, null when none did */
    static Throughput of(Phase.Result phase, Snapshot db, Instant lastRequeue) {
        Instant faultsOver = phase.faultsEnd();
        Instant duringEnd = lastRequeue != null && lastRequeue.isAfter(faultsOver) ? lastRequeue : faultsOver;
        if (duringEnd.isAfter(phase.end())) {
            duringEnd = phase.end();
        }
        return new Throughput(
                rate(db, phase.start(), phase.faultsStart()),
                rate(db, phase.faultsStart(), duringEnd),
                rate(db, duringEnd, phase.end()));
    }

    /** Jobs per second finished in [from, to); NaN for an empty window. */
    static double rate(Snapshot db, Instant from, Instant to) {
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        if (seconds <= 0.5) {
            return Double.NaN;
        }
        long finished = db.jobs().values().stream().map(Snapshot.JobRow::finishedAt)
                .filter(at -> at != null && !at.isBefore(from) && at.isBefore(to)).count();
        return finished / seconds;
    }

    String summary() {
        return format(before) + " / " + format(during) + " / " + format(after);
    }

    private static String format(double rate) {
        return Double.isNaN(rate) ? "-" : String.format("%.1f", rate);
    }
}
