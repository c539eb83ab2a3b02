package dev.muster.logs.control;

import dev.muster.logs.entity.ChunkIn;
import dev.muster.logs.entity.LogChunk;
import dev.muster.logs.entity.LogWindow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only attempt logs. A chunk whose {@code seq} is already stored is ignored, so a worker may resend after a
 * timeout without duplicating output; a missing {@code seq} stays visible as a gap. A log larger than
 * {@code muster.limits.log-bytes-per-attempt} keeps its head and its tail ({@link LogWindow}); readers get a marker
 * line where the middle was dropped.
 */
@Stateless
public class LogStore {

    private static final int DROP_BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "muster.limits.log-bytes-per-attempt", defaultValue = "67108864")
    long logBytesPerAttempt;

    /** Appends of one attempt take turns on its window row; they already hold the attempt's row in share mode. */
    public void append(String attemptId, List<ChunkIn> chunks) {
        em.createNativeQuery("insert into log_windows (attempt_id) values (?1) on conflict do nothing")
                .setParameter(1, attemptId).executeUpdate();
        LogWindow window = em.find(LogWindow.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        Timestamp now = Timestamp.from(clock.instant());
        int newest = -1;
        for (ChunkIn chunk : chunks) {
            if (window.hasDropped(chunk.seq())) {
                continue; // a chunk of the dropped middle sent again: the gap is never filled back in
            }
            // PostgreSQL text cannot hold NUL; a process may print one.
            String data = chunk.data().replace('\u0000', '\uFFFD');
            int inserted = em.createNativeQuery("insert into log_chunks (attempt_id, seq, stream, data, received_at) "
                            + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                    .setParameter(1, attemptId)
                    .setParameter(2, chunk.seq())
                    .setParameter(3, chunk.stream())
                    .setParameter(4, data)
                    .setParameter(5, now)
                    .executeUpdate();
            if (inserted == 1) {
                window.admit(chunk.seq(), data.getBytes(StandardCharsets.UTF_8).length, logBytesPerAttempt);
                newest = Math.max(newest, chunk.seq());
            }
        }
        while (window.tailExcess(logBytesPerAttempt) > 0) {
            List<LogWindow.Stored> oldest = oldestTail(attemptId, window.headLastSeq());
            int through = window.drop(oldest, newest, logBytesPerAttempt);
            if (through < 0) {
                break;
            }
            em.createNativeQuery("delete from log_chunks where attempt_id = ?1 and seq > ?2 and seq <= ?3")
                    .setParameter(1, attemptId).setParameter(2, window.headLastSeq()).setParameter(3, through)
                    .executeUpdate();
        }
    }

    /**
     * Up to {@code limit} chunks after {@code afterSeq}, in order; when the log was truncated and this page crosses
     * the dropped middle, the marker line comes where it was.
     */
    public List<LogChunk> after(String attemptId, int afterSeq, int limit) {
        List<LogChunk> chunks = em.createQuery(
                        "select c from LogChunk c where c.attemptId = :attempt and c.seq > :after order by c.seq", LogChunk.class)
                .setParameter("attempt", attemptId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
        LogWindow window = em.find(LogWindow.class, attemptId);
        if (window == null || !window.isTruncated() || afterSeq > window.headLastSeq()) {
            return chunks;
        }
        List<LogChunk> marked = new ArrayList<>(chunks.size() + 1);
        boolean crossed = false;
        for (LogChunk chunk : chunks) {
            if (!crossed && chunk.seq() > window.headLastSeq()) {
                marked.add(LogChunk.marker(attemptId, window));
                crossed = true;
            }
            marked.add(chunk);
        }
        return marked;
    }

    /** The attempt's log window; null when it has no log yet. */
    public LogWindow window(String attemptId) {
        return em.find(LogWindow.class, attemptId);
    }

    private List<LogWindow.Stored> oldestTail(String attemptId, int headLastSeq) {
        List<?> rows = em.createNativeQuery("select seq, octet_length(data) from log_chunks "
                        + "where attempt_id = ?1 and seq > ?2 order by seq limit " + DROP_BATCH)
                .setParameter(1, attemptId).setParameter(2, headLastSeq).getResultList();
        List<LogWindow.Stored> stored = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            stored.add(new LogWindow.Stored(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue()));
        }
        return stored;
    }
}
