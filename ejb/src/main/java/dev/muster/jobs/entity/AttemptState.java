package dev.muster.jobs.entity;

/** How one run of a job on one worker ended; {@code ACTIVE} while its lease is held. */
public enum AttemptState {
    ACTIVE, EXITED, TIMED_OUT, CANCELLED, ERROR, LOST;

    /** The job state an attempt's outcome leads to. */
    JobState jobStateFor(Integer exitCode) {
        return switch (this) {
            case EXITED -> exitCode != null && exitCode == 0 ? JobState.SUCCEEDED : JobState.FAILED;
            case TIMED_OUT -> JobState.TIMED_OUT;
            case CANCELLED -> JobState.CANCELLED;
            case ERROR -> JobState.FAILED;
            case LOST -> JobState.QUEUED;
            case ACTIVE -> throw new IllegalArgumentException("an active attempt has no outcome yet");
        };
    }
}
