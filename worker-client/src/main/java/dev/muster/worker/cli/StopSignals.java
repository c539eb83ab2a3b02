package dev.muster.worker.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How a long-running command reacts to SIGTERM and SIGINT (Ctrl-C): the first signal starts a graceful stop, a
 * second one while that runs asks for an immediate stop; later ones change nothing.
 *
 * <p>A JVM shutdown hook cannot see a second signal (the JVM ignores signals once it is shutting down), so the
 * signals are caught with {@code sun.misc.Signal} from module jdk.unsupported, which the JDK keeps open to
 * class-path applications. Where handlers cannot be installed (a runtime without that module, a JVM started with
 * {@code -Xrs}), only the graceful stop is offered, from a shutdown hook as before. A shutdown hook is there in
 * either case, so that any other way the JVM is told to exit (SIGHUP, say) still waits for the graceful stop.
 *
 * <p>A signal handler runs on a JVM thread that should return quickly, so each stop runs on a thread of its own.
 */
final class StopSignals implements AutoCloseable {

    /** What the signals do; each may block until the stop is complete. */
    interface Actions {

        /** @param againStopsNow whether a second signal will reach {@link #stopNow()} */
        void stop(boolean againStopsNow);

        void stopNow();
    }

    private final Actions actions;
    private final Deque<Runnable> uninstall = new ArrayDeque<>();
    private boolean handlesSignals;
    private int received;
    private Thread stopping;

    StopSignals(Actions actions) {
        this.actions = actions;
    }

    /** @return whether the signals are handled; if not, only the shutdown hook stops, and only gracefully */
    synchronized boolean install() {
        try {
            uninstall.push(SignalHandlers.handle("TERM", this::received));
            uninstall.push(SignalHandlers.handle("INT", this::received));
            handlesSignals = true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            uninstall.forEach(Runnable::run);
            uninstall.clear();
        }
        Thread hook = new Thread(this::exiting, "muster-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        uninstall.push(() -> removeHook(hook));
        return handlesSignals;
    }

    /** A SIGTERM or SIGINT arrived. */
    synchronized void received() {
        received++;
        if (received == 1) {
            stopping = start(() -> actions.stop(true), "muster-stop");
        } else if (received == 2) {
            start(actions::stopNow, "muster-stop-now");
        }
    }

    /** Restores the JVM's own signal handling, e.g. when the command ends without being stopped. */
    @Override
    public synchronized void close() {
        while (!uninstall.isEmpty()) {
            uninstall.pop().run();
        }
    }

    /** The JVM is exiting: stop now if no signal did it before, else let the stop under way finish first. */
    private void exiting() {
        Thread underWay;
        synchronized (this) {
            if (received == 0) {
                received = 1;
                underWay = null;
            } else {
                underWay = stopping;
            }
        }
        if (underWay == null) {
            actions.stop(false); // a signal from now on would not reach us: the JVM is shutting down
            return;
        }
        try {
            underWay.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(Runnable action, String name) {
        Thread thread = new Thread(action, name);
        thread.start();
        return thread;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to undo
        }
    }

    /** Keeps every use of {@code sun.misc} here: without jdk.unsupported only this class fails to link. */
    private static final class SignalHandlers {

        /** @return what restores the previous handler */
        static Runnable handle(String name, Runnable action) {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, received -> action.run());
            return () -> Signal.handle(signal, previous);
        }
    }
}
