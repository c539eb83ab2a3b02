package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One injected fault: when it began, when the system was whole again, and the workers it took away (whose attempts
 * must be requeued; the requeue time is measured from {@code start}).
 *
 * @param recovered false when the server did not report ready again within the fault's limit
 */
record FaultRecord(Scenario scenario, String what, Instant start, Instant end, List<String> lostWorkers,
                   boolean recovered, String detail) {

    FaultRecord {
        lostWorkers = List.copyOf(lostWorkers);
    }

    static FaultRecord of(Scenario scenario, String what, Instant start, String detail) {
        return new FaultRecord(scenario, what, start, Instant.now(), List.of(), true, detail);
    }

    Duration duration() {
        return Duration.between(start, end);
    }
}
