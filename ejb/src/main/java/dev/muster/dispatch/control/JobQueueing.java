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
import java.time.Duration;
import java.time.Instant;

/**
 * Queues a job in the caller's transaction: the job's dispatch message is written to the outbox with the job row (or
 * its requeue), so it exists exactly when that commits, and {@link OutboxRelay} hands it to the broker right after.
 * A retry's backoff becomes the message's delivery delay: the broker holds it, no thread of ours sleeps, and a server
 * restart in between loses nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JobQueueing {

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    public void enqueue(Job job) {
        enqueue(job, Duration.ZERO);
    }

    /** Queues the job to become visible to the router only after {@code delay} (the broker's scheduled delivery). */
    public void enqueue(Job job, Duration delay) {
        Instant now = clock.instant();
        em.persist(new OutboxEntry(OutboxEntry.Kind.DISPATCH, job.id(), job.queueGeneration(), now.plus(delay), now));
        relay.relayAfterCommit();
    }
}
