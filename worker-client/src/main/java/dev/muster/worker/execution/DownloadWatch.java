package dev.muster.worker.execution;

import java.time.Duration;

/**
 * Ends a workspace download that stalls or whose attempt is asked to stop. The HTTP client has no timeout for a
 * body, and a download hung for ever would keep its attempt — heartbeated, so its lease never expires — for ever;
 * so a watcher interrupts the downloading thread, which makes the client abort the exchange. Closing the watch
 * clears an interrupt it caused, unless the worker is shutting down and wants it kept.
 */
final class DownloadWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final Attempt attempt;
    private final Duration stall;
    private final Thread downloader = Thread.currentThread();
    private final Thread watcher;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean done;
    private volatile boolean fired;

    DownloadWatch(Attempt attempt, Duration stall) {
        this.attempt = attempt;
        this.stall = stall;
        this.watcher = new DaemonThreads("muster-download-watch").newThread(this::watch);
        watcher.start();
    }

    void progressed() {
        lastProgress = System.nanoTime();
    }

    /** Whether the watch interrupted the download. */
    boolean fired() {
        return fired;
    }

    /** Whether the download was cut short for stalling (rather than for a stop request). */
    boolean stalled() {
        return fired && !attempt.stopRequest().isDone();
    }

    private void watch() {
        while (!done) {
            if (attempt.stopRequest().isDone() || System.nanoTime() - lastProgress > stall.toNanos()) {
                fired = true;
                downloader.interrupt();
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        done = true;
        watcher.interrupt();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (fired && attempt.stopRequest().getNow(null) != StopReason.SHUTDOWN) {
            Thread.interrupted();
        }
    }
}
