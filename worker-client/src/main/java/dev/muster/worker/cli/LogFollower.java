package dev.muster.worker.cli;

import dev.muster.worker.protocol.ChunkPage;
import dev.muster.worker.protocol.LogChunk;
import dev.muster.worker.protocol.LogStream;
import dev.muster.worker.protocol.MusterClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Prints a job's log as the server has it, stdout chunks to stdout and stderr chunks to stderr, optionally
 * polling until the job is finished. When the job starts another attempt, the log starts over with it.
 */
final class LogFollower {

    private final MusterClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration pollInterval;
    private final Consumer<ChunkPage> progress;

    /** @param progress sees every page, e.g. to report state changes */
    LogFollower(MusterClient client, PrintWriter out, PrintWriter err, Duration pollInterval,
            Consumer<ChunkPage> progress) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.pollInterval = pollInterval;
        this.progress = progress;
    }

    /** Prints the log; with {@code untilFinished}, keeps polling until the job is terminal and the log read. */
    ChunkPage print(String jobId, boolean untilFinished) throws InterruptedException {
        long after = -1;
        Integer attempt = null;
        while (true) {
            ChunkPage page = client.chunks(jobId, after);
            if (attempt != null && page.attempt() != null && !Objects.equals(attempt, page.attempt()) && after >= 0) {
                err.println("muster: job " + jobId + " started attempt " + page.attempt());
                attempt = page.attempt();
                after = -1;
                continue;
            }
            attempt = page.attempt();
            progress.accept(page);
            page.chunks().forEach(this::write);
            after = page.lastSeq(after);
            boolean done = !untilFinished || page.state().isTerminal();
            if (done && page.chunks().isEmpty()) {
                return page;
            }
            if (!done) {
                Thread.sleep(pollInterval.toMillis());
            }
        }
    }

    private void write(LogChunk chunk) {
        PrintWriter target = chunk.stream() == LogStream.STDERR ? err : out;
        target.print(chunk.data());
        target.flush();
    }

    /** A progress listener that ignores everything. */
    static void ignore(ChunkPage page) {
        // nothing to report
    }
}
