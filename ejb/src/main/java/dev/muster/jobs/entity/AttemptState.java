package dev.muster.jobs.entity;

/** How one run of a job on one worker ended; {@code ACTIVE} while its lease is held. */
public enum AttemptState {
    ACTIVE,
    EXITED,
    TIMED_OUT,
    CANCELLED,
    /** The worker could not start the process. */
    ERROR,
    /** The lease expired or the worker left without reporting: the job may have run, or may still be running. */
    LOST,
    /** The worker was shut down and killed the job before it ended. */
    ABANDONED;

    /** True when the job should run again if attempts remain: the job itself did not fail. */
    boolean isWorkerFailure() {
        return this == LOST || this == ABANDONED;
    }

    /** The job state an attempt's outcome leads to when it is the last one. */
    JobState finalJobStateFor(Integer exitCode) {
        return switch (this) {
            case EXITED -> exitCode != null && exitCode == 0 ? JobState.SUCCEEDED : JobState.FAILED;
            case TIMED_OUT -> JobState.TIMED_OUT;
            case CANCELLED -> JobState.CANCELLED;
            case ERROR, LOST, ABANDONED -> JobState.FAILED;
            case ACTIVE -> throw new IllegalArgumentException("an active attempt has no outcome yet");
        };
    }

    /** Why a job ended in {@link #finalJobStateFor}, as the API's {@code reason}; null for a success. */
    String reasonFor(Integer exitCode) {
        return switch (this) {
            case EXITED -> exitCode != null && exitCode == 0 ? null : "exit-code";
            case TIMED_OUT -> "timeout";
            case CANCELLED -> "cancelled";
            case ERROR -> "error";
            case LOST -> "worker-lost";
            case ABANDONED -> "worker-shutdown";
            case ACTIVE -> throw new IllegalArgumentException("an active attempt has no outcome yet");
        };
    }
}
