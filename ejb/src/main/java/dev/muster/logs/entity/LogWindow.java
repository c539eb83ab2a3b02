package dev.muster.logs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/**
 * What an attempt's log keeps of its output once it outgrows {@code muster.limits.log-bytes-per-attempt}: the head
 * (the first half of the limit) and the tail (the most recent half; its oldest chunks are dropped as new ones come).
 * Readers see the log append-only apart from the dropped middle, which they are shown as one marker line.
 *
 * <p>It works in whole chunks (a chunk is at most 256 KiB of text): the head takes chunks while it is below its half,
 * and the tail always keeps the newest chunk, so a log holds at most the limit plus one chunk at each end.
 * Concurrency: one row per attempt, locked by each append ({@code LogStore}).
 */
@Entity
@Table(name = "log_windows")
public class LogWindow {

    /** A stored tail chunk, oldest first, as offered for dropping. */
    public record Stored(int seq, long bytes) {
    }

    @Id
    @Column(name = "attempt_id")
    private String attemptId;
    @Column(name = "head_bytes")
    private long headBytes;
    @Column(name = "head_last_seq")
    private int headLastSeq = -1;
    @Column(name = "head_closed")
    private boolean headClosed;
    @Column(name = "tail_bytes")
    private long tailBytes;
    @Column(name = "dropped_bytes")
    private long droppedBytes;
    @Column(name = "dropped_chunks")
    private int droppedChunks;
    @Column(name = "dropped_through_seq")
    private int droppedThroughSeq = -1;

    protected LogWindow() {
    }

    public LogWindow(String attemptId) {
        this.attemptId = attemptId;
    }

    /** True for a chunk of the dropped middle: sent again (a worker's retry), it must not fill the gap back in. */
    public boolean hasDropped(int seq) {
        return seq <= droppedThroughSeq && seq > headLastSeq;
    }

    /** Counts a newly stored chunk into the head while the head is below its half, else into the tail. */
    public void admit(int seq, long bytes, long limit) {
        if (seq <= headLastSeq || (!headClosed && headBytes < limit / 2)) {
            headBytes += bytes;
            headLastSeq = Math.max(headLastSeq, seq);
        } else {
            headClosed = true;
            tailBytes += bytes;
        }
    }

    /** How many bytes the tail holds beyond its half of {@code limit}. */
    public long tailExcess(long limit) {
        return Math.max(0, tailBytes - (limit - limit / 2));
    }

    /**
     * Chooses the oldest tail chunks to drop so the tail fits its half again, never the newest one, and records them
     * as dropped.
     *
     * @param oldestFirst the oldest stored tail chunks, in seq order
     * @param newestSeq   the newest chunk stored, which stays
     * @return the seq through which chunks are to be deleted, or -1 for none
     */
    public int drop(List<Stored> oldestFirst, int newestSeq, long limit) {
        long excess = tailExcess(limit);
        int through = -1;
        for (Stored chunk : oldestFirst) {
            if (excess <= 0 || chunk.seq() >= newestSeq) {
                break;
            }
            excess -= chunk.bytes();
            tailBytes -= chunk.bytes();
            droppedBytes += chunk.bytes();
            droppedChunks++;
            through = chunk.seq();
        }
        droppedThroughSeq = Math.max(droppedThroughSeq, through);
        return through;
    }

    public boolean isTruncated() {
        return droppedBytes > 0;
    }

    /** The last chunk of the head: the dropped bytes were between it and the next chunk stored. */
    public int headLastSeq() {
        return headLastSeq;
    }

    public long droppedBytes() {
        return droppedBytes;
    }

    public int droppedChunks() {
        return droppedChunks;
    }

    /** The line readers see where bytes were dropped; the worker marks what it drops itself the same way. */
    public String marker() {
        return "\n[muster: " + droppedBytes + " bytes of log dropped]\n";
    }
}
