package dev.muster.worker.logshipping;

import dev.muster.worker.protocol.LeaseLostException;
import dev.muster.worker.protocol.LogChunk;
import java.util.List;

/**
 * Where shipped chunks go. An implementation returns once the batch is stored (retrying as long as it takes)
 * and throws {@link LeaseLostException} when the attempt may no longer report.
 */
@FunctionalInterface
public interface LogSink {

    void send(List<LogChunk> batch);
}
