package dev.muster.worker.execution;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads: a worker started inside the server's JVM must never keep that JVM alive, and thread
 * dumps should say which thread belongs to Muster.
 */
final class DaemonThreads implements ThreadFactory {

    private static final System.Logger LOG = System.getLogger(DaemonThreads.class.getName());

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.ERROR, "bug: " + t.getName() + " died", e));
        return thread;
    }
}
