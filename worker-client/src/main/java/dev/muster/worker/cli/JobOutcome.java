package dev.muster.worker.cli;

import dev.muster.worker.protocol.Job;
import dev.muster.worker.protocol.JobState;
import java.time.Duration;
import java.util.Locale;

/**
 * A finished job seen from the shell: the exit code {@code muster submit --follow} ends with, following the
 * conventions of {@code timeout(1)} (124) and of a shell killed by Ctrl-C (130), and a one-line summary.
 */
record JobOutcome(Job job) {

    int exitCode() {
        return switch (job.state()) {
            case SUCCEEDED -> 0;
            case FAILED -> job.exitCode() != null && job.exitCode() != 0 ? job.exitCode() : 1;
            case CANCELLED -> 130;
            case TIMED_OUT -> 124;
            default -> 1;
        };
    }

    /** e.g. "job 5f0c FAILED (exit 3) in 1.2 s". */
    String summary(Duration fallbackDuration) {
        Duration took = job.runTime() != null ? job.runTime() : fallbackDuration;
        String exit = job.exitCode() != null && job.state() != JobState.SUCCEEDED
                ? " (exit " + job.exitCode() + ")" : "";
        return String.format(Locale.ROOT, "job %s %s%s in %.1f s", job.id(), job.state(), exit,
                took.toMillis() / 1000.0);
    }
}
