package dev.muster.logs.control;

import dev.muster.logs.entity.ChunkIn;
import dev.muster.logs.entity.LogChunk;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Append-only attempt logs. A chunk whose {@code seq} is already stored is ignored, so a worker may resend after a
 * timeout without duplicating output; a missing {@code seq} stays visible as a gap.
 */
@Stateless
public class LogStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void append(String attemptId, List<ChunkIn> chunks) {
        Timestamp now = Timestamp.from(clock.instant());
        for (ChunkIn chunk : chunks) {
            em.createNativeQuery("insert into log_chunks (attempt_id, seq, stream, data, received_at) "
                            + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                    .setParameter(1, attemptId)
                    .setParameter(2, chunk.seq())
                    .setParameter(3, chunk.stream())
                    // PostgreSQL text cannot hold NUL; a process may print one.
                    .setParameter(4, chunk.data().replace('\u0000', '\uFFFD'))
                    .setParameter(5, now)
                    .executeUpdate();
        }
    }

    /** Up to {@code limit} chunks after {@code afterSeq}, in order. */
    public List<LogChunk> after(String attemptId, int afterSeq, int limit) {
        return em.createQuery("select c from LogChunk c where c.attemptId = :attempt and c.seq > :after order by c.seq",
                        LogChunk.class)
                .setParameter("attempt", attemptId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }
}
