package dev.muster.stats.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for {@code GET /api/v1/stats}: a few grouped queries, so the answer's size depends on the number of pools,
 * states and worker kinds, never on the number of jobs. A worker counts as connected while it called in within
 * {@link #CONNECTED_WITHIN} (a busy worker calls only to heartbeat).
 */
@Stateless
public class Statistics {

    public static final Duration CONNECTED_WITHIN = Duration.ofMinutes(2);
    public static final Duration THROUGHPUT_WINDOW = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Snapshot snapshot() {
        Instant now = clock.instant();
        Timestamp connectedSince = Timestamp.from(now.minus(CONNECTED_WITHIN));
        Map<String, Long> workersByKind = new TreeMap<>();
        Map<String, PoolCounts> pools = new TreeMap<>();
        for (Object[] row : rows("select pool, kind, count(*), sum(slots) from workers"
                + " where state = 'ONLINE' and last_seen_at > ?1 group by pool, kind", connectedSince)) {
            String pool = (String) row[0];
            long workers = number(row[2]);
            workersByKind.merge((String) row[1], workers, Long::sum);
            pools.merge(pool, new PoolCounts(workers, number(row[3]), 0, 0), PoolCounts::plus);
        }
        Map<String, Long> jobsByState = new TreeMap<>();
        for (Object[] row : rows("select pool, state, count(*) from jobs group by pool, state")) {
            String state = (String) row[1];
            long jobs = number(row[2]);
            jobsByState.merge(state, jobs, Long::sum);
            pools.merge((String) row[0], new PoolCounts(0, 0, "QUEUED".equals(state) ? jobs : 0,
                    "RUNNING".equals(state) ? jobs : 0), PoolCounts::plus);
        }
        long finished = number(em.createNativeQuery("select count(*) from jobs where finished_at > ?1")
                .setParameter(1, Timestamp.from(now.minus(THROUGHPUT_WINDOW))).getSingleResult());
        return new Snapshot(now, pools, workersByKind, jobsByState, finished);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Connected workers and their slots, and jobs waiting and running, of one pool. */
    public record PoolCounts(long workers, long slots, long queued, long running) {
        PoolCounts plus(PoolCounts other) {
            return new PoolCounts(workers + other.workers, slots + other.slots, queued + other.queued,
                    running + other.running);
        }
    }

    /** @param finishedLastMinute jobs that reached a terminal state within {@link #THROUGHPUT_WINDOW} */
    public record Snapshot(Instant at, Map<String, PoolCounts> pools, Map<String, Long> workersByKind,
                           Map<String, Long> jobsByState, long finishedLastMinute) {
    }
}
