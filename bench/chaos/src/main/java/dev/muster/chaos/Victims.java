package dev.muster.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Picks the worker a fault hits: the one running the most attempts, so that the fault costs something. Waits a while
 * for one to be busy (between short jobs all may be idle for a moment); takes a random one if none gets busy.
 */
final class Victims {

    private static final Duration WAIT_FOR_BUSY = Duration.ofSeconds(15);

    /** The chosen worker and how many attempts it held when chosen. */
    record Victim(WorkerProcesses.Worker worker, int activeAttempts) {
        String name() {
            return worker.name();
        }
    }

    private Victims() {
    }

    static Victim busiest(FaultContext context) throws SQLException, InterruptedException {
        LiveQueries queries = new LiveQueries(context.cluster().database());
        long deadline = System.nanoTime() + WAIT_FOR_BUSY.toNanos();
        while (true) {
            List<WorkerProcesses.Worker> alive = context.cluster().workers().alive();
            if (alive.isEmpty()) {
                throw new IllegalStateException("no worker is alive");
            }
            Map<String, Integer> active = queries.activeAttemptsByWorker();
            WorkerProcesses.Worker busiest = alive.stream().max(Comparator.comparingInt(w -> active.getOrDefault(w.name(), 0))).orElseThrow();
            int attempts = active.getOrDefault(busiest.name(), 0);
            if (attempts > 0) {
                return new Victim(busiest, attempts);
            }
            if (System.nanoTime() > deadline) {
                return new Victim(alive.get(context.random().nextInt(alive.size())), 0);
            }
            Thread.sleep(200);
        }
    }
}
