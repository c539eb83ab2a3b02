package dev.muster.chaos;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database as the checker sees it after the run: every job, every attempt, the log chunks of the current attempt
 * of each SUCCEEDED or FAILED job, and worker names.
 */
record Snapshot(Map<String, JobRow> jobs, Map<String, List<AttemptRow>> attemptsByJob,
                Map<String, List<ChunkRow>> chunksByAttempt, Map<String, String> workerNames) {

    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT");

    record JobRow(String id, String pool, String state, String reason, Integer exitCode, int attemptCount,
                  String currentAttemptId, int maxAttempts, Set<Integer> retryExitCodes, String idempotencyKey,
                  Instant startedAt, Instant finishedAt) {

        boolean isTerminal() {
            return TERMINAL.contains(state);
        }
    }

    record AttemptRow(String id, String jobId, int number, String workerId, String state, Integer exitCode,
                      Instant startedAt, Instant finishedAt) {

        /** Lost or abandoned: the job did not fail, its worker did; such an attempt is retried. */
        boolean isWorkerFailure() {
            return state.equals("LOST") || state.equals("ABANDONED");
        }

        boolean exited(int code) {
            return state.equals("EXITED") && exitCode != null && exitCode == code;
        }
    }

    record ChunkRow(String attemptId, int seq, String data) {
    }

    static Snapshot of(List<JobRow> jobs, List<AttemptRow> attempts, List<ChunkRow> chunks, Map<String, String> workerNames) {
        return new Snapshot(
                jobs.stream().collect(Collectors.toMap(JobRow::id, job -> job)),
                attempts.stream().sorted(Comparator.comparingInt(AttemptRow::number))
                        .collect(Collectors.groupingBy(AttemptRow::jobId, Collectors.toList())),
                chunks.stream().sorted(Comparator.comparingInt(ChunkRow::seq))
                        .collect(Collectors.groupingBy(ChunkRow::attemptId, Collectors.toList())),
                Map.copyOf(workerNames));
    }

    /** The job's attempts by number, oldest first. */
    List<AttemptRow> attempts(String jobId) {
        return attemptsByJob.getOrDefault(jobId, List.of());
    }

    List<ChunkRow> chunks(String attemptId) {
        return chunksByAttempt.getOrDefault(attemptId, List.of());
    }

    JobRow byIdempotencyKey(String key) {
        return jobs.values().stream().filter(job -> key.equals(job.idempotencyKey())).findFirst().orElse(null);
    }
}
