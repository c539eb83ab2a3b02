package dev.muster.worker.cli;

import dev.muster.worker.execution.Worker;
import java.io.PrintWriter;

/**
 * Stops {@code muster worker} when signalled, saying on stderr what happens. Written straight to stderr, not
 * logged: the JDK resets logging in its own shutdown hook, concurrently with ours.
 */
final class WorkerShutdown implements StopSignals.Actions {

    private final Worker worker;
    private final long drainSeconds;
    private final PrintWriter err;

    WorkerShutdown(Worker worker, long drainSeconds, PrintWriter err) {
        this.worker = worker;
        this.drainSeconds = drainSeconds;
        this.err = err;
    }

    @Override
    public void stop(boolean againStopsNow) {
        say("muster: stopping worker; running jobs get up to " + drainSeconds + " s to finish"
                + (againStopsNow ? " (signal again to kill them now)" : ""));
        worker.stop();
        say("muster: worker stopped");
    }

    @Override
    public void stopNow() {
        int running = worker.runningJobs();
        say("muster: killing " + running + " running job" + (running == 1 ? "" : "s"));
        worker.stopNow();
    }

    private void say(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
