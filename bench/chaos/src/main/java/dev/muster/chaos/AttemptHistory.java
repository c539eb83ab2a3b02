package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;
import dev.muster.chaos.Snapshot.JobRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a terminal job's attempts must look like for it to have exactly one outcome: numbered 1..attempt_count, none
 * still ACTIVE, the current attempt the last one and carrying the job's outcome, every earlier one ended in a way
 * that is retried (lost, abandoned, or a retryable exit code). A late result recorded on a reaped attempt breaks this.
 */
final class AttemptHistory {

    private AttemptHistory() {
    }

    /** @param attempts the job's attempts by number */
    static List<String> problems(JobRow job, List<AttemptRow> attempts) {
        List<String> problems = new ArrayList<>();
        List<Integer> numbers = attempts.stream().map(AttemptRow::number).toList();
        if (!numbers.equals(IntStream.rangeClosed(1, job.attemptCount()).boxed().toList())) {
            problems.add("attempt numbers " + numbers + ", attempt_count " + job.attemptCount());
        }
        for (AttemptRow attempt : attempts) {
            if (attempt.state().equals("ACTIVE")) {
                problems.add("terminal " + job.state() + " but attempt " + attempt.number() + " is still ACTIVE");
            } else if (!attempt.id().equals(job.currentAttemptId()) && !isRetried(attempt, job)) {
                problems.add("attempt " + attempt.number() + " ended " + describe(attempt)
                        + " and is not the current one: a second outcome (job " + job.state() + ")");
            }
        }
        String current = currentAttemptProblem(job, attempts);
        if (current != null) {
            problems.add(current);
        }
        return problems;
    }

    private static boolean isRetried(AttemptRow attempt, JobRow job) {
        return attempt.isWorkerFailure()
                || (attempt.state().equals("EXITED") && attempt.exitCode() != null && job.retryExitCodes().contains(attempt.exitCode()));
    }

    private static String currentAttemptProblem(JobRow job, List<AttemptRow> attempts) {
        if (attempts.isEmpty()) {
            return job.currentAttemptId() != null ? "current attempt " + job.currentAttemptId() + " does not exist"
                    : job.state().equals("CANCELLED") ? null : job.state() + " without any attempt";
        }
        AttemptRow last = attempts.get(attempts.size() - 1);
        if (!last.id().equals(job.currentAttemptId())) {
            return "current attempt is not the last one (attempt " + last.number() + ")";
        }
        boolean fits = switch (job.state()) {
            case "SUCCEEDED" -> last.exited(0) && Objects.equals(job.exitCode(), 0);
            case "FAILED" -> last.state().equals("EXITED") ? last.exitCode() != null && last.exitCode() != 0
                    && Objects.equals(job.exitCode(), last.exitCode())
                    : Set.of("ERROR", "LOST", "ABANDONED").contains(last.state());
            case "TIMED_OUT" -> last.state().equals("TIMED_OUT");
            case "CANCELLED" -> Set.of("CANCELLED", "LOST", "ABANDONED").contains(last.state());
            default -> true;
        };
        return fits ? null : "job " + job.state() + (job.exitCode() == null ? "" : " exit " + job.exitCode())
                + " but its current attempt " + last.number() + " ended " + describe(last);
    }

    static String describe(AttemptRow attempt) {
        return attempt.state() + (attempt.exitCode() == null ? "" : " exit " + attempt.exitCode());
    }
}
