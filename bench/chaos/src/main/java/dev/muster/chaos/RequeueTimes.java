package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Time to requeue after a worker loss: for each attempt the lost worker held when the fault began and that ended
 * LOST or ABANDONED, the time from the fault to the start of the job's next attempt (attempts.started_at).
 *
 * @param notRequeued attempts of the lost worker with no later attempt (the job ended with them)
 * @param lastRequeue when the last of them started again, null when none did
 */
record RequeueTimes(List<Duration> times, int notRequeued, Instant lastRequeue) {

    static RequeueTimes of(List<FaultRecord> faults, Snapshot db) {
        List<Duration> times = new ArrayList<>();
        int notRequeued = 0;
        Instant last = null;
        for (FaultRecord fault : faults) {
            if (fault.lostWorkers().isEmpty()) {
                continue;
            }
            Set<String> workerIds = db.workerNames().entrySet().stream()
                    .filter(worker -> fault.lostWorkers().contains(worker.getValue()))
                    .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
            for (List<AttemptRow> attempts : db.attemptsByJob().values()) {
                for (AttemptRow attempt : attempts) {
                    boolean heldAtFault = workerIds.contains(attempt.workerId()) && !attempt.startedAt().isAfter(fault.start())
                            && (attempt.finishedAt() == null || !attempt.finishedAt().isBefore(fault.start()));
                    if (!heldAtFault || !attempt.isWorkerFailure()) {
                        continue;
                    }
                    AttemptRow next = attempts.stream().filter(a -> a.number() == attempt.number() + 1).findFirst().orElse(null);
                    if (next == null) {
                        notRequeued++;
                    } else {
                        times.add(Duration.between(fault.start(), next.startedAt()));
                        last = last == null || next.startedAt().isAfter(last) ? next.startedAt() : last;
                    }
                }
            }
        }
        times.sort(null);
        return new RequeueTimes(List.copyOf(times), notRequeued, last);
    }

    String summary() {
        if (times.isEmpty()) {
            return notRequeued == 0 ? "-" : "none of " + notRequeued;
        }
        return String.format("%.1f/%.1f s", seconds(percentile(50)), seconds(times.get(times.size() - 1)));
    }

    Duration percentile(int p) {
        return times.get(Math.min(times.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * times.size()) - 1)));
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
