package dev.muster.dispatch.control;

import dev.muster.dispatch.entity.OutboxEntry;

import java.time.Instant;

/** An outbox entry with what its message says about the job, read together when the entry is relayed. */
public record OutboxMessage(long id, OutboxEntry.Kind kind, String jobId, int generation, Instant deliverAt,
                     String pool, String labels, String jobKind, int priority, Instant submittedAt, String reason, int attempts) {
}
