package dev.muster.worker.cli;

import dev.muster.worker.protocol.Job;
import dev.muster.worker.protocol.JobState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A finished job seen from the shell: the exit code {@code muster submit --follow} ends with, following the
 * conventions of {@code timeout(1)} (124) and of a shell killed by Ctrl-C (130), and how it ended in words.
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

    /** e.g. "job 5f0c FAILED (exit 3) in 1.2 s", "job 5f0c FAILED (worker-lost) in 9.0 s after 3 of 3 attempts". */
    String summary(Duration fallbackDuration) {
        Duration took = job.runTime() != null ? job.runTime() : fallbackDuration;
        String attempts = job.attempts() == null || job.attempts() < 2 ? ""
                : " after " + job.attempts() + (job.maxAttempts() != null ? " of " + job.maxAttempts() : "") + " attempts";
        return String.format(Locale.ROOT, "job %s %s in %.1f s%s", job.id(), ending(), took.toMillis() / 1000.0,
                attempts);
    }

    /** The state and why the job ended there: "FAILED (exit 3)", "FAILED (worker-lost)", "SUCCEEDED". */
    String ending() {
        List<String> why = new ArrayList<>();
        if (job.exitCode() != null && job.state() != JobState.SUCCEEDED) {
            why.add("exit " + job.exitCode());
        }
        String reason = reason(job);
        if (reason != null) {
            why.add(reason);
        }
        return job.state() + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
    }

    /**
     * The job's {@code reason} where it tells more than its state and exit code do ("worker-lost"), else null:
     * "exit-code", "timeout" and "cancelled" only repeat them.
     */
    static String reason(Job job) {
        String reason = job.reason();
        if (reason == null || !job.state().isTerminal()) {
            return null;
        }
        boolean repeatsTheState = switch (reason) {
            case "exit-code" -> job.exitCode() != null;
            case "timeout" -> job.state() == JobState.TIMED_OUT;
            case "cancelled" -> job.state() == JobState.CANCELLED;
            default -> false;
        };
        return repeatsTheState ? null : reason;
    }
}
