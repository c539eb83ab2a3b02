package dev.muster.dispatch.control;

import dev.muster.jobs.control.AttemptEndings;
import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
import dev.muster.platform.MusterMetrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ends attempts nobody vouches for any more, one batch per transaction. Candidates are claimed with
 * {@code FOR UPDATE SKIP LOCKED}: several server instances reap side by side without taking the same attempt, and
 * an attempt whose worker is reporting right now (holding its row) is left for the next round.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExpiredAttempts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AttemptEndings endings;

    @Inject
    MusterMetrics metrics;

    /** Attempts whose lease ran out: the worker is gone, hung or cut off. @return how many were reaped */
    public int reapExpiredLeases(Instant now, int batch) {
        List<?> ids = em.createNativeQuery("""
                        select id from attempts where state = 'ACTIVE' and lease_expires_at < ?1
                        order by lease_expires_at limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, batch)
                .getResultList();
        for (Object id : ids) {
            Attempt attempt = em.find(Attempt.class, id);
            endings.end(attempt, AttemptState.LOST, null, "lease expired at " + attempt.leaseExpiresAt());
            metrics.reaped("lease");
        }
        return ids.size();
    }

    /**
     * Attempts still active {@code grace} past their job's timeout: the worker should have killed them, so the
     * server ends them; the worker learns from its next heartbeat that the attempt is no longer its own.
     * @return how many were ended
     */
    public int endOverdue(Instant now, Duration grace, int batch) {
        List<?> ids = em.createNativeQuery("""
                        select a.id from attempts a join jobs j on j.id = a.job_id
                        where a.state = 'ACTIVE' and j.timeout_seconds is not null
                          and a.started_at + make_interval(secs => j.timeout_seconds + ?2) < ?1
                        order by a.started_at limit ?3 for update of a skip locked""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, grace.toSeconds())
                .setParameter(3, batch)
                .getResultList();
        int ended = 0;
        for (Object id : ids) {
            Attempt attempt = em.find(Attempt.class, id);
            Job job = attempt.job();
            if (job.isOverdue(attempt, grace, now)) {
                endings.end(attempt, AttemptState.TIMED_OUT, null,
                        "still running " + grace.toSeconds() + " s after its timeout; ended by the server");
                metrics.reaped("timeout");
                ended++;
            }
        }
        return ended;
    }
}
