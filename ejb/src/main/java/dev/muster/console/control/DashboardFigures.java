package dev.muster.console.control;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures. Each is one aggregate query over an index (state, queued jobs by pool, finished in the
 * last hour, recent failures), so a refresh costs a few milliseconds however many jobs have ever run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardFigures {

    @PersistenceContext
    EntityManager em;

    public Map<JobState, Long> countsByState() {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("select j.state, count(j) from Job j group by j.state", Object[].class).getResultList()
                .forEach(row -> counts.put((JobState) row[0], (Long) row[1]));
        return counts;
    }

    /** Per pool with queued jobs: how many, and since when the oldest has waited. */
    public List<PoolQueue> queues() {
        return em.createQuery("select j.pool, count(j), min(j.submittedAt) from Job j where j.state = :queued"
                        + " group by j.pool order by j.pool", Object[].class)
                .setParameter("queued", JobState.QUEUED)
                .getResultList().stream()
                .map(row -> new PoolQueue((String) row[0], (Long) row[1], instant(row[2])))
                .toList();
    }

    /** Jobs that ended in each of the last {@code minutes} minutes before {@code now}, oldest minute first. */
    public long[] finishedPerMinute(Instant now, int minutes) {
        long[] counts = new long[minutes];
        List<?> rows = em.createNativeQuery("select cast(floor(extract(epoch from (?1 - finished_at)) / 60) as integer),"
                        + " count(*) from jobs where finished_at > ?2 and finished_at <= ?1 group by 1")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.minusSeconds(60L * minutes)))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            int minutesAgo = ((Number) columns[0]).intValue();
            if (minutesAgo >= 0 && minutesAgo < minutes) {
                counts[minutes - 1 - minutesAgo] += ((Number) columns[1]).longValue();
            }
        }
        return counts;
    }

    public List<Job> recentFailures(int limit) {
        return em.createQuery("select j from Job j where j.state in :failed and j.finishedAt is not null"
                        + " order by j.finishedAt desc", Job.class)
                .setParameter("failed", List.of(JobState.FAILED, JobState.TIMED_OUT))
                .setMaxResults(limit)
                .getResultList();
    }

    /** An aggregate over a converted attribute may come back unconverted, depending on the JPA provider. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    public record PoolQueue(String pool, long depth, Instant oldestSubmittedAt) {
    }
}
