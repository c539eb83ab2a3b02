package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;
import dev.muster.chaos.Snapshot.ChunkRow;
import dev.muster.chaos.Snapshot.JobRow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A hand-made run for the checker: {@link #job} adds a job of a kind that ran and ended exactly as it must
 * (submission, row, attempts, log, executions); tests then break one thing and expect the matching rule to fire.
 */
final class Fixture {

    static final String WORKER = "worker-1";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Workload workload;
    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    final Map<String, JobRow> jobs = new LinkedHashMap<>();
    final Map<String, List<AttemptRow>> attempts = new HashMap<>();
    final Map<String, List<ChunkRow>> chunks = new HashMap<>();
    final List<Snapshot.Truncation> truncations = new ArrayList<>();
    final Map<String, Integer> executions = new HashMap<>();
    final List<Observer.StateAnomaly> anomalies = new ArrayList<>();
    final List<LeftoverProcesses.Leftover> leftovers = new ArrayList<>();
    final List<FaultRecord> faults = new ArrayList<>();
    final List<String> workerExits = new ArrayList<>();
    private int ids;

    /** A job of the fixture: its token and the id the server answered. */
    record Job(String token, String id) {
    }

    Fixture(Path dir) throws IOException {
        this.workload = new Workload("run-test", dir, new Random(1));
    }

    Job job(JobKind kind) {
        PlannedJob planned = workload.plan(Scenario.WORKER_KILL, kind);
        String id = "job-" + (++ids);
        submissions.put(planned.token(), new Submission(planned,
                new Submission.Answer(Submission.Status.CREATED, id, 201, 1, null), switch (kind) {
                    case CANCEL_RUNNING -> 202;
                    case CANCEL_QUEUED -> 200;
                    default -> null;
                }));
        String state = switch (kind) {
            case NOOP, ECHO, SEQ_LOG, LONG, RETRY_ONCE -> "SUCCEEDED";
            case EXIT_3 -> "FAILED";
            case TIMEOUT, TERM_IGNORING -> "TIMED_OUT";
            case CANCEL_RUNNING, CANCEL_QUEUED -> "CANCELLED";
        };
        String reason = switch (state) {
            case "FAILED" -> "exit-code";
            case "TIMED_OUT" -> "timeout";
            case "CANCELLED" -> "cancelled";
            default -> null;
        };
        jobs.put(id, new JobRow(id, planned.pool(), state, reason, null, 0, null, PlannedJob.MAX_ATTEMPTS,
                Set.copyOf(planned.retryOnExitCodes()), planned.idempotencyKey(), T0, T0.plusSeconds(5)));
        switch (kind) {
            case RETRY_ONCE -> {
                attempt(id, "EXITED", 75);
                attempt(id, "EXITED", 0);
            }
            case EXIT_3 -> attempt(id, "EXITED", 3);
            case TIMEOUT, TERM_IGNORING -> attempt(id, "TIMED_OUT", null);
            case CANCEL_RUNNING -> attempt(id, "CANCELLED", null);
            case CANCEL_QUEUED -> { }
            default -> attempt(id, "EXITED", 0);
        }
        if (planned.expectedLog() != null && !planned.expectedLog().isEmpty()) {
            log(id, planned.expectedLog());
        }
        if (kind != JobKind.CANCEL_QUEUED) {
            executions.put(planned.token(), attempts.get(id).size());
        }
        return new Job(planned.token(), id);
    }

    /** Adds the next attempt of a job and makes it the current one (exit code copied to the job when it exited). */
    AttemptRow attempt(String jobId, String state, Integer exitCode) {
        List<AttemptRow> list = attempts.computeIfAbsent(jobId, k -> new ArrayList<>());
        int number = list.size() + 1;
        AttemptRow attempt = new AttemptRow(jobId + "-a" + number, jobId, number, WORKER, state, exitCode,
                T0.plusSeconds(number), state.equals("ACTIVE") ? null : T0.plusSeconds(number + 1));
        list.add(attempt);
        job(jobId, job -> new JobRow(job.id(), job.pool(), job.state(), job.reason(),
                state.equals("EXITED") ? exitCode : job.exitCode(), number, attempt.id(), job.maxAttempts(),
                job.retryExitCodes(), job.idempotencyKey(), job.startedAt(), job.finishedAt()));
        return attempt;
    }

    /** The current attempt's log, in two chunks when it has more than one line. */
    void log(String jobId, String text) {
        String attemptId = jobs.get(jobId).currentAttemptId();
        int cut = text.indexOf('\n') + 1;
        List<ChunkRow> list = new ArrayList<>();
        list.add(new ChunkRow(attemptId, 0, text.substring(0, cut)));
        if (cut < text.length()) {
            list.add(new ChunkRow(attemptId, 1, text.substring(cut)));
        }
        chunks.put(attemptId, list);
    }

    /** The current attempt's log as the server keeps it when truncated: chunks 0..head, then from dropped+1. */
    void truncatedLog(String jobId, int headLastSeq, int droppedThroughSeq, int lastSeq) {
        String attemptId = jobs.get(jobId).currentAttemptId();
        List<ChunkRow> list = new ArrayList<>();
        for (int seq = 0; seq <= lastSeq; seq++) {
            if (seq <= headLastSeq || seq > droppedThroughSeq) {
                list.add(new ChunkRow(attemptId, seq, "line " + seq + "\n"));
            }
        }
        chunks.put(attemptId, list);
        truncations.add(new Snapshot.Truncation(attemptId, headLastSeq, droppedThroughSeq, 1000));
    }

    void job(String jobId, UnaryOperator<JobRow> change) {
        jobs.put(jobId, change.apply(jobs.get(jobId)));
    }

    /** Replaces attempt {@code number} of a job (1-based). */
    void attempt(String jobId, int number, UnaryOperator<AttemptRow> change) {
        List<AttemptRow> list = attempts.get(jobId);
        list.set(number - 1, change.apply(list.get(number - 1)));
    }

    void state(String jobId, String state, String reason, Integer exitCode) {
        job(jobId, job -> new JobRow(job.id(), job.pool(), state, reason, exitCode, job.attemptCount(), job.currentAttemptId(),
                job.maxAttempts(), job.retryExitCodes(), job.idempotencyKey(), job.startedAt(),
                Snapshot.TERMINAL.contains(state) ? job.finishedAt() : null));
    }

    void answer(String token, Submission.Answer answer) {
        Submission submission = submissions.get(token);
        submissions.put(token, new Submission(submission.job(), answer, submission.cancelStatus()));
    }

    void cancelStatus(String token, Integer status) {
        Submission submission = submissions.get(token);
        submissions.put(token, new Submission(submission.job(), submission.answer(), status));
    }

    Evidence evidence() {
        List<AttemptRow> allAttempts = attempts.values().stream().flatMap(List::stream).toList();
        List<ChunkRow> allChunks = chunks.values().stream().flatMap(List::stream).toList();
        Snapshot db = Snapshot.of(List.copyOf(jobs.values()), allAttempts, allChunks, Map.of(WORKER, "chaos-w1"),
                truncations);
        return new Evidence(db, List.copyOf(submissions.values()), executions, anomalies, leftovers, faults, workerExits);
    }

    List<Violation> check() {
        return new Checker(evidence()).check();
    }
}
