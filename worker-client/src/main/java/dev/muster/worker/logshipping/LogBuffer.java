package dev.muster.worker.logshipping;

import dev.muster.worker.protocol.LogChunk;
import dev.muster.worker.protocol.LogStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The not-yet-shipped output of one attempt, in the order it was written, with both streams interleaved.
 * Consecutive text of one stream is merged into one chunk; a chunk gets its {@code seq} only when it is taken
 * for shipping, so seqs are gap-free and the order of seqs is the order of output.
 *
 * <p>Memory is bounded: when more than {@code capacityBytes} pile up (the server is down, say), the buffer keeps
 * the oldest half and a rolling newest half and drops the middle, which it later reports as one marker chunk
 * "[muster: N bytes of log dropped]". The start of a log says what ran, its end how it failed; the middle is
 * the cheapest part to lose.
 *
 * <p>Thread-safe: two pumps append, one shipper takes.
 */
public final class LogBuffer {

    private final long capacityBytes;
    private final int chunkBytes;
    private final Deque<Segment> head = new ArrayDeque<>();
    private final Deque<Segment> tail = new ArrayDeque<>();
    private long headBytes;
    private long tailBytes;
    private long droppedBytes;
    private boolean overflowing;
    private long nextSeq;
    private boolean closed;

    /** @param chunkBytes consecutive output of one stream is merged into chunks of about this size */
    public LogBuffer(long capacityBytes, int chunkBytes) {
        this.capacityBytes = capacityBytes;
        this.chunkBytes = chunkBytes;
    }

    /** Adds output; after {@link #close()} output is ignored (a straggling pump of a finished attempt). */
    public synchronized void append(LogStream stream, String text) {
        if (closed || text.isEmpty()) {
            return;
        }
        int bytes = Utf8.length(text);
        if (!overflowing && headBytes + bytes > capacityBytes) {
            overflowing = true;
            while (headBytes > capacityBytes / 2 && head.size() > 1) {
                drop(head.removeLast(), true);
            }
        }
        if (overflowing) {
            tailBytes += add(tail, stream, text, bytes);
            while (tailBytes > capacityBytes / 2 && tail.size() > 1) {
                drop(tail.removeFirst(), false);
            }
        } else {
            headBytes += add(head, stream, text, bytes);
        }
        notifyAll();
    }

    /**
     * Takes chunks worth up to {@code maxBytes} (at least one chunk if any is pending, however big) and numbers
     * them.
     * An empty list means nothing is pending.
     */
    public synchronized List<LogChunk> takeBatch(int maxBytes) {
        List<LogChunk> batch = new ArrayList<>();
        long size = 0;
        while (true) {
            if (head.isEmpty() && !moveTailToHead(batch)) {
                break;
            }
            if (head.isEmpty()) {
                continue;
            }
            if (!batch.isEmpty() && size + head.peekFirst().bytes > maxBytes) {
                break;
            }
            Segment segment = head.removeFirst();
            headBytes -= segment.bytes;
            size += segment.bytes;
            batch.add(new LogChunk(nextSeq++, segment.stream, segment.text.toString()));
        }
        return batch;
    }

    /**
     * Waits until a full batch is pending, the buffer is closed, or {@code linger} has passed.
     * @return whether the buffer is closed
     */
    public synchronized boolean awaitBatch(int batchBytes, Duration linger) throws InterruptedException {
        long deadline = System.nanoTime() + linger.toNanos();
        while (!closed && pendingBytes() < batchBytes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return closed;
    }

    /** No more output will come; what is pending can still be taken. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Throws away everything pending and closes: for output nobody may report any more. */
    public synchronized void discard() {
        head.clear();
        tail.clear();
        headBytes = 0;
        tailBytes = 0;
        droppedBytes = 0;
        overflowing = false;
        close();
    }

    public synchronized boolean isEmpty() {
        return head.isEmpty() && tail.isEmpty() && droppedBytes == 0;
    }

    public synchronized long pendingBytes() {
        return headBytes + tailBytes;
    }

    /** After the kept head has gone out: the marker for the dropped middle, then the kept tail. */
    private boolean moveTailToHead(List<LogChunk> batch) {
        if (!overflowing) {
            return false;
        }
        if (droppedBytes > 0) {
            String marker = "\n[muster: " + droppedBytes + " bytes of log dropped]\n";
            batch.add(new LogChunk(nextSeq++, LogStream.STDERR, marker));
            droppedBytes = 0;
        }
        head.addAll(tail);
        headBytes += tailBytes;
        tail.clear();
        tailBytes = 0;
        overflowing = false;
        return true;
    }

    private int add(Deque<Segment> segments, LogStream stream, String text, int bytes) {
        Segment last = segments.peekLast();
        if (last != null && last.stream == stream && last.bytes < chunkBytes) {
            last.text.append(text);
            last.bytes += bytes;
        } else {
            segments.addLast(new Segment(stream, new StringBuilder(text), bytes));
        }
        return bytes;
    }

    private void drop(Segment segment, boolean fromHead) {
        if (fromHead) {
            headBytes -= segment.bytes;
        } else {
            tailBytes -= segment.bytes;
        }
        droppedBytes += segment.bytes;
    }

    /** Mutable while it is the newest piece of its stream; only touched under the buffer's lock. */
    private static final class Segment {
        final LogStream stream;
        final StringBuilder text;
        int bytes;

        Segment(LogStream stream, StringBuilder text, int bytes) {
            this.stream = stream;
            this.text = text;
            this.bytes = bytes;
        }
    }
}
