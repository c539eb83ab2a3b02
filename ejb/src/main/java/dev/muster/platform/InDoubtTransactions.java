package dev.muster.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * XA transactions PostgreSQL holds prepared for longer than a minute. One appears when the database goes away
 * between the two phases of a commit: the transaction manager resolves it only when it recovers, which Payara does
 * at start (or on {@code asadmin recover-transactions}). Until then the rows it touched stay locked and its job
 * waits, so it is counted ({@code muster_in_doubt_transactions}) and logged rather than left to be found.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InDoubtTransactions {

    @PersistenceContext
    EntityManager em;

    public long count() {
        return ((Number) em.createNativeQuery("""
                        select count(*) from pg_prepared_xacts
                        where database = current_database() and prepared < now() - interval '1 minute'""")
                .getSingleResult()).longValue();
    }
}
