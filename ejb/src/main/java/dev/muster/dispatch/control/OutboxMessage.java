package dev.muster.dispatch.control;

import dev.muster.dispatch.entity.OutboxEntry;

import java.time.Instant;

/** An outbox entry with what its message says about the job, read together when the entry is relayed. */
public record OutboxMessage(long id, OutboxEntry.Kind kind, String jobId, int generation, Instant deliverAt,
                     String pool, String labels, int priority, Instant submittedAt, String reason, int attempts) {

    /**
     * The broker's duplicate-detection id: if a relay's database commit fails after the broker took the message,
     * the entry is relayed again and the broker drops the copy.
     */
    String duplicateId() {
        return "muster-outbox-" + id;
    }
}
