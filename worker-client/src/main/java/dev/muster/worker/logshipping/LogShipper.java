package dev.muster.worker.logshipping;

import dev.muster.worker.protocol.LeaseLostException;
import dev.muster.worker.protocol.LogChunk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Ships one attempt's {@link LogBuffer} to a {@link LogSink}: a batch whenever {@code batchBytes} are pending
 * or {@code flushInterval} has passed, so a chatty job costs a request per 64 KiB rather than per line, and a
 * quiet one still shows its output within a fraction of a second. Runs until the buffer is closed and empty —
 * so once {@link #run()} returns normally every chunk has been stored — or until the lease is lost.
 */
public final class LogShipper implements Runnable {

    /** The shipping cadence: how long output may wait, and how big a batch may grow. */
    public record Cadence(Duration flushInterval, int batchBytes) {
        public static final Cadence DEFAULT = new Cadence(Duration.ofMillis(200), 64 * 1024);
    }

    private final LogBuffer buffer;
    private final LogSink sink;
    private final Cadence cadence;
    private volatile boolean leaseLost;

    public LogShipper(LogBuffer buffer, LogSink sink, Cadence cadence) {
        this.buffer = buffer;
        this.sink = sink;
        this.cadence = cadence;
    }

    @Override
    public void run() {
        try {
            boolean closed;
            do {
                closed = buffer.awaitBatch(cadence.batchBytes(), cadence.flushInterval());
                for (List<LogChunk> batch = buffer.takeBatch(cadence.batchBytes()); !batch.isEmpty();
                        batch = buffer.takeBatch(cadence.batchBytes())) {
                    sink.send(batch);
                }
            } while (!closed || !buffer.isEmpty());
        } catch (LeaseLostException e) {
            leaseLost = true;
            buffer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            // interrupted during a retry: the worker is abandoning this attempt
        }
    }

    /** Whether shipping stopped because the server said the lease is gone. */
    public boolean leaseLost() {
        return leaseLost;
    }
}
