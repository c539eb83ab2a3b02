package dev.muster.console.control;

import dev.muster.jobs.entity.Job;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;

/** One page of jobs for the console's table, and how many match: never more than a page of rows is read. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobSearch {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    EntityManager em;

    public List<Job> page(JobFilter filter, JobOrder order, int first, int size) {
        JobFilter.Condition condition = filter.condition();
        TypedQuery<Job> query = em.createQuery("select j from Job j" + condition.jpql() + order.jpql(), Job.class);
        condition.parameters().forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(size, MAX_PAGE_SIZE)).getResultList();
    }

    public long count(JobFilter filter) {
        JobFilter.Condition condition = filter.condition();
        TypedQuery<Long> query = em.createQuery("select count(j) from Job j" + condition.jpql(), Long.class);
        condition.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Several jobs by id, for bulk actions on a selection. */
    public List<Job> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("select j from Job j where j.id in :ids", Job.class)
                .setParameter("ids", ids).getResultList();
    }
}
