package dev.muster.dispatch.control;

import dev.muster.dispatch.entity.OutboxEntry;
import dev.muster.jobs.entity.Job;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a job's last message goes when it has run out of attempts, written in the transaction that fails it and
 * relayed to the broker's {@value #NAME} queue, so other systems can react to poison jobs. The broker moves router
 * messages that failed ten times to the same queue. The API lists dead-lettered jobs from the database, which pages.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetterQueue {

    public static final String NAME = "muster.dead-letter";

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    public void send(Job job) {
        Instant now = clock.instant();
        em.persist(new OutboxEntry(OutboxEntry.Kind.DEAD_LETTER, job.id(), job.queueGeneration(), now, now));
        relay.relayAfterCommit();
    }
}
