package dev.muster.console.control;

import dev.muster.jobs.entity.AttemptState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** A job's attempts for its timeline: on which worker (by name), when, and how each ended. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AttemptHistory {

    @PersistenceContext
    EntityManager em;

    public List<AttemptRow> of(String jobId) {
        return em.createQuery("select a.number, a.workerId, w.name, a.state, a.exitCode, a.detail, a.startedAt,"
                        + " a.finishedAt from Attempt a, Worker w where w.id = a.workerId and a.job.id = :job"
                        + " order by a.number", Object[].class)
                .setParameter("job", jobId)
                .getResultList().stream()
                .map(row -> new AttemptRow((Integer) row[0], (String) row[1], (String) row[2], (AttemptState) row[3],
                        (Integer) row[4], (String) row[5], (Instant) row[6], (Instant) row[7]))
                .toList();
    }

    public record AttemptRow(int number, String workerId, String workerName, AttemptState state, Integer exitCode,
                             String detail, Instant startedAt, Instant finishedAt) {
    }
}
