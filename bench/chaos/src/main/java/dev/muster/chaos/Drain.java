package dev.muster.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Waits until no job is QUEUED or RUNNING any more (the idle pool aside, and jobs an earlier phase left stuck),
 * printing progress every few seconds.
 */
final class Drain {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private Drain() {
    }

    /**
     * @param ignored jobs an earlier phase could not drain: already reported, and not to hold up this phase
     * @return true when everything is terminal, false when {@code limit} passed first
     */
    static boolean await(LiveQueries queries, Set<String> ignored, Duration limit, String label, Consumer<String> log)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant nextProgress = start.plus(PROGRESS_EVERY);
        String note = ignored.isEmpty() ? "" : " (" + ignored.size() + " stuck since an earlier phase not counted)";
        while (true) {
            String waiting;
            try {
                Map<String, Integer> open = new TreeMap<>();
                queries.openJobs().forEach((id, state) -> {
                    if (!ignored.contains(id)) {
                        open.merge(state, 1, Integer::sum);
                    }
                });
                if (open.isEmpty()) {
                    log.accept(label + ": drained in " + Duration.between(start, Instant.now()).toSeconds() + " s" + note);
                    return true;
                }
                waiting = open + note;
            } catch (SQLException e) {
                waiting = "database not answering: " + e.getMessage();
            }
            Duration elapsed = Duration.between(start, Instant.now());
            if (elapsed.compareTo(limit) > 0) {
                log.accept(label + ": NOT drained after " + limit.toSeconds() + " s, still " + waiting);
                return false;
            }
            if (Instant.now().isAfter(nextProgress)) {
                log.accept(label + ": draining, " + elapsed.toSeconds() + " s, still " + waiting);
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            Thread.sleep(500);
        }
    }
}
