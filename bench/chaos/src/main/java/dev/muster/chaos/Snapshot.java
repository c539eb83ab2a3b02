package dev.muster.chaos;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database as the checker sees it after the run: every job, every attempt, the log chunks of the current attempt
 * of each SUCCEEDED or FAILED job, worker names, and the logs the server truncated (muster.limits.log-bytes-per-attempt).
 */
record Snapshot(Map<String, JobRow> jobs, Map<String, List<AttemptRow>> attemptsByJob,
                Map<String, List<ChunkRow>> chunksByAttempt, Map<String, String> workerNames,
                Map<String, Truncation> truncations) {

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

    /** A log the server truncated: chunks after {@code headLastSeq} through {@code droppedThroughSeq} were dropped. */
    record Truncation(String attemptId, int headLastSeq, int droppedThroughSeq, long droppedBytes) {
    }

    static Snapshot of(List<JobRow> jobs, List<AttemptRow> attempts, List<ChunkRow> chunks, Map<String, String> workerNames) {
        return of(jobs, attempts, chunks, workerNames, List.of());
    }

    static Snapshot of(List<JobRow> jobs, List<AttemptRow> attempts, List<ChunkRow> chunks, Map<String, String> workerNames,
                       List<Truncation> truncations) {
        return new Snapshot(
                jobs.stream().collect(Collectors.toMap(JobRow::id, job -> job)),
                attempts.stream().sorted(Comparator.comparingInt(AttemptRow::number))
                        .collect(Collectors.groupingBy(AttemptRow::jobId, Collectors.toList())),
                chunks.stream().sorted(Comparator.comparingInt(ChunkRow::seq))
                        .collect(Collectors.groupingBy(ChunkRow::attemptId, Collectors.toList())),
                Map.copyOf(workerNames),
                truncations.stream().collect(Collectors.toMap(Truncation::attemptId, truncation -> truncation)));
    }

    /** The job's attempts by number, oldest first. */
    List<AttemptRow> attempts(String jobId) {
        return attemptsByJob.getOrDefault(jobId, List.of());
    }

    List<ChunkRow> chunks(String attemptId) {
        return chunksByAttempt.getOrDefault(attemptId, List.of());
    }

    /** The attempt's truncation, or null when its log is whole. */
    Truncation truncation(String attemptId) {
        return truncations.get(attemptId);
    }

    JobRow byIdempotencyKey(String key) {
        return jobs.values().stream().filter(job -> key.equals(job.idempotencyKey())).findFirst().orElse(null);
    }
}
