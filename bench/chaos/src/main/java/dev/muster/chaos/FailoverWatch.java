package dev.muster.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches, after an instance died at {@code killed}, for each worker to be working through a surviving instance. The
 * evidence is {@code workers.last_seen_at}, which an instance sets when it takes a worker's lease request or heartbeat:
 * a value after the kill was written by a survivor. The column holds only the latest call, so it is polled often
 * (every 20 ms) and the first value seen after the kill is kept.
 */
final class FailoverWatch {

    private static final Duration POLL = Duration.ofMillis(20);

    private FailoverWatch() {
    }

    /** Per worker, the time from the kill to its first call a survivor took; workers not seen by the limit are absent. */
    static Map<String, Duration> firstCallAfter(Database database, Instant killed, Collection<String> workers,
                                                Duration limit) throws InterruptedException {
        LiveQueries queries = new LiveQueries(database);
        Map<String, Duration> seen = new TreeMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!seen.keySet().containsAll(workers) && System.nanoTime() < deadline) {
            try {
                queries.lastSeenByWorker().forEach((worker, at) -> {
                    if (workers.contains(worker) && at.isAfter(killed)) {
                        seen.putIfAbsent(worker, Duration.between(killed, at));
                    }
                });
            } catch (SQLException e) {
                // asked again at the next poll
            }
            Thread.sleep(POLL.toMillis());
        }
        return seen;
    }
}
