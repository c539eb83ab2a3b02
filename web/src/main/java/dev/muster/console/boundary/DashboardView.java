package dev.muster.console.boundary;

import dev.muster.console.control.DashboardFigures;
import dev.muster.console.control.WorkerBoard;
import dev.muster.console.control.WorkerPresence;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboard's figures for one rendering; the page refreshes its panels by Ajax every few seconds. */
@Named
@RequestScoped
public class DashboardView {

    static final int THROUGHPUT_MINUTES = 60;
    private static final int RECENT_FAILURES = 10;

    @Inject
    DashboardFigures figures;

    @Inject
    WorkerBoard board;

    @Inject
    Clock clock;

    // Components read their values several times per rendering: each figure is queried once per request.
    private List<Map.Entry<JobState, Long>> counts;
    private List<DashboardFigures.PoolQueue> queues;
    private List<Job> failures;
    private List<PoolWorkers> workers;

    public List<Map.Entry<JobState, Long>> stateCounts() {
        if (counts == null) {
            counts = List.copyOf(figures.countsByState().entrySet());
        }
        return counts;
    }

    public List<DashboardFigures.PoolQueue> queues() {
        if (queues == null) {
            queues = figures.queues();
        }
        return queues;
    }

    public List<Job> recentFailures() {
        if (failures == null) {
            failures = figures.recentFailures(RECENT_FAILURES);
        }
        return failures;
    }

    /** Per pool, how many workers are in each presence (gone ones left out). */
    public List<PoolWorkers> workers() {
        if (workers == null) {
            workers = workersByPool();
        }
        return workers;
    }

    private List<PoolWorkers> workersByPool() {
        Map<String, Map<WorkerPresence, Integer>> byPool = new TreeMap<>();
        for (WorkerBoard.WorkerRow row : board.rows(null, false)) {
            byPool.computeIfAbsent(row.worker().pool(), pool -> new EnumMap<>(WorkerPresence.class))
                    .merge(row.presence(), 1, Integer::sum);
        }
        return byPool.entrySet().stream().map(entry -> new PoolWorkers(entry.getKey(), entry.getValue())).toList();
    }

    /** A Chart.js configuration for {@code p:chart}: jobs finished per minute over the last hour. */
    public String throughputChart() {
        return ThroughputChart.json(figures.finishedPerMinute(clock.instant(), THROUGHPUT_MINUTES));
    }

    public record PoolWorkers(String pool, Map<WorkerPresence, Integer> counts) {
        public int count(String presence) {
            return counts.getOrDefault(WorkerPresence.valueOf(presence), 0);
        }
    }
}
