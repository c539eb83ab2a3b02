package dev.muster.dispatch.control;

import dev.muster.dispatch.entity.OutboxEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Relays one batch of the outbox, oldest first: claims the entries ({@code FOR UPDATE SKIP LOCKED}, so instances
 * relaying side by side take different ones), has the broker take their messages, then deletes them. The broker
 * commits first; if this transaction then fails (or its instance dies), the entries stay and are relayed again. A
 * message is never lost, at worst repeated, and a repeated dispatch message is harmless: the lease drops a message
 * whose queue generation is spent. (Not Artemis's duplicate detection: one duplicate in a transacted batch makes the
 * broker reject the whole commit, so a batch with a repeat would fail for ever.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatches {

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboxSender sender;

    /** @return how many entries were relayed; fewer than {@code limit} means the outbox is empty for now */
    public int relay(int limit) {
        List<?> rows = em.createNativeQuery("""
                        select o.id, o.kind, o.job_id, o.generation, o.deliver_at,
                               j.pool, j.labels, j.kind, j.priority, j.submitted_at, j.reason, j.attempt_count
                        from outbox o join jobs j on j.id = o.job_id
                        order by o.id limit ?1 for update of o skip locked""")
                .setParameter(1, limit)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> messages = rows.stream().map(row -> message((Object[]) row)).toList();
        sender.send(messages);
        em.createQuery("delete from OutboxEntry e where e.id in :ids")
                .setParameter("ids", messages.stream().map(OutboxMessage::id).toList())
                .executeUpdate();
        return messages.size();
    }

    private static OutboxMessage message(Object[] row) {
        return new OutboxMessage(((Number) row[0]).longValue(), OutboxEntry.Kind.valueOf((String) row[1]),
                (String) row[2], ((Number) row[3]).intValue(), instant(row[4]), (String) row[5], (String) row[6],
                (String) row[7], ((Number) row[8]).intValue(), instant(row[9]), (String) row[10],
                ((Number) row[11]).intValue());
    }

    /** What a native query returns for {@code timestamptz} differs by provider: EclipseLink, Hibernate, the driver. */
    private static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        return column instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) column).toInstant();
    }
}
