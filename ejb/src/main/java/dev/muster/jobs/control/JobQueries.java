package dev.muster.jobs.control;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import dev.muster.platform.Refused;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;

/**
 * Reads jobs for clients. Lists always page: the table grows without bound. Reads join a caller's transaction but
 * never start one: with an XA data source, a transaction around a plain read costs several extra round trips.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobQueries {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    EntityManager em;

    public Job find(String id) {
        Job job = id == null ? null : em.find(Job.class, id);
        if (job == null) {
            throw Refused.notFound("job", id);
        }
        return job;
    }

    /** Newest first; {@code state} and {@code pool} filter when not null. */
    public Page page(JobState state, String pool, int page, int size) {
        // Built per filter: a "(:p is null or …)" clause leaves PostgreSQL unable to type a null parameter.
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (state != null) {
            where.append(" and j.state = :state");
        }
        if (pool != null) {
            where.append(" and j.pool = :pool");
        }
        TypedQuery<Job> items = em.createQuery("select j from Job j" + where + " order by j.submittedAt desc, j.id", Job.class);
        TypedQuery<Long> total = em.createQuery("select count(j) from Job j" + where, Long.class);
        for (TypedQuery<?> query : List.of(items, total)) {
            if (state != null) {
                query.setParameter("state", state);
            }
            if (pool != null) {
                query.setParameter("pool", pool);
            }
        }
        List<Job> found = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page(found, page, size, total.getSingleResult());
    }

    /** Jobs that failed for want of attempts, most recently dead-lettered first. */
    public Page deadLettered(int page, int size) {
        List<Job> found = em.createQuery("select j from Job j where j.deadLetteredAt is not null"
                        + " order by j.deadLetteredAt desc, j.id", Job.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(j) from Job j where j.deadLetteredAt is not null", Long.class)
                .getSingleResult();
        return new Page(found, page, size, total);
    }

    public java.util.Optional<Job> findByIdempotencyKey(String key) {
        return em.createQuery("select j from Job j where j.idempotencyKey = :key", Job.class)
                .setParameter("key", key)
                .getResultStream().findFirst();
    }

    public long countQueued(String pool) {
        return em.createQuery("select count(j) from Job j where j.state = :state and j.pool = :pool", Long.class)
                .setParameter("state", JobState.QUEUED)
                .setParameter("pool", pool)
                .getSingleResult();
    }

    public List<String> pools() {
        return em.createQuery("select distinct j.pool from Job j", String.class).getResultList();
    }

    public record Page(List<Job> items, int page, int size, long total) {
    }
}
