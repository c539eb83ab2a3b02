package dev.muster.dispatch.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Outbox entries the relay has not managed to hand to the broker for over ten seconds. Normally none: the relay runs
 * right after each commit. A growing number means the broker is unreachable; the jobs are safe and go out when it
 * is back, but nothing is dispatched meanwhile.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxBacklog {

    @PersistenceContext
    EntityManager em;

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from outbox where created_at < now() - interval '10 seconds'")
                .getSingleResult()).longValue();
    }
}
