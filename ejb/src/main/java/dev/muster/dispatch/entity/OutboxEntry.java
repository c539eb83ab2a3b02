package dev.muster.dispatch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message the broker must get because a database transaction committed: written in that transaction, relayed
 * after it. The message's content is read from the job when it is relayed; only what changes between trips through
 * the queue is kept here.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    public enum Kind {
        /** The job is due to be leased (after {@code deliverAt}). */
        DISPATCH,
        /** The job ran out of attempts; other systems hear of it on the dead-letter queue. */
        DEAD_LETTER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "job_id")
    private String jobId;
    private int generation;
    @Column(name = "deliver_at")
    private Instant deliverAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(Kind kind, String jobId, int generation, Instant deliverAt, Instant createdAt) {
        this.kind = kind;
        this.jobId = jobId;
        this.generation = generation;
        this.deliverAt = deliverAt;
        this.createdAt = createdAt;
    }
}
