package dev.muster.worker.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Progress of a workspace upload on stderr, for uploads big enough to make a user wonder: a line at every tenth
 * of the way. Lines rather than a carriage-return bar, so it reads the same in a CI log as at a terminal.
 */
final class UploadProgress implements LongConsumer {

    /** Below this an upload is over before anyone waits for it. */
    static final long SHOWN_FROM_BYTES = 4L * 1024 * 1024;

    private final PrintWriter err;
    private final long total;
    private int lastTenth;
    private long lastSent;

    UploadProgress(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void accept(long sent) {
        if (total < SHOWN_FROM_BYTES) {
            return;
        }
        if (sent < lastSent) {
            lastTenth = 0; // a retried upload starts over
        }
        lastSent = sent;
        int tenth = (int) Math.min(10, sent * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "muster: uploading workspace: %.1f of %.1f MB (%d%%)%n", sent / 1e6, total / 1e6,
                    tenth * 10);
            err.flush();
        }
    }
}
