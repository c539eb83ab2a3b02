package dev.muster.console.control;

import dev.muster.jobs.entity.AttemptState;
import dev.muster.workers.entity.Worker;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workers the console shows, each with the jobs it runs now. Two queries whatever the number of workers: the
 * workers, then their active attempts (an index holds exactly those). Workers that left are shown only when asked
 * for; the board is bounded at {@link #MAX_WORKERS}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorkerBoard {

    public static final int MAX_WORKERS = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Longer than the longest long-poll, so an idle worker waiting for work is never shown offline. */
    @Inject
    @ConfigProperty(name = "muster.console.worker-offline-seconds", defaultValue = "90")
    long offlineSeconds;

    /** @param pool null for every pool; @param includeGone whether to list workers that left */
    public List<WorkerRow> rows(String pool, boolean includeGone) {
        StringBuilder jpql = new StringBuilder("select w from Worker w where 1 = 1");
        if (pool != null) {
            jpql.append(" and w.pool = :pool");
        }
        if (!includeGone) {
            jpql.append(" and w.state <> :gone");
        }
        TypedQuery<Worker> query = em.createQuery(jpql + " order by w.pool, w.name, w.id", Worker.class);
        if (pool != null) {
            query.setParameter("pool", pool);
        }
        if (!includeGone) {
            query.setParameter("gone", Worker.GONE);
        }
        List<Worker> workers = query.setMaxResults(MAX_WORKERS).getResultList();
        Map<String, List<String>> running = runningJobs(workers);
        Instant offlineSince = clock.instant().minusSeconds(offlineSeconds);
        List<WorkerRow> rows = new ArrayList<>();
        for (Worker worker : workers) {
            List<String> jobs = running.getOrDefault(worker.id(), List.of());
            rows.add(new WorkerRow(worker, jobs, WorkerPresence.of(worker, jobs.size(), offlineSince)));
        }
        return rows;
    }

    private Map<String, List<String>> runningJobs(List<Worker> workers) {
        Map<String, List<String>> running = new HashMap<>();
        if (workers.isEmpty()) {
            return running;
        }
        em.createQuery("select a.workerId, a.job.id from Attempt a where a.state = :active and a.workerId in :ids",
                        Object[].class)
                .setParameter("active", AttemptState.ACTIVE)
                .setParameter("ids", workers.stream().map(Worker::id).toList())
                .getResultList()
                .forEach(row -> running.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return running;
    }

    public record WorkerRow(Worker worker, List<String> runningJobIds, WorkerPresence presence) {
    }
}
