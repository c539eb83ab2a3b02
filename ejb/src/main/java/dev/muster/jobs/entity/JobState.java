package dev.muster.jobs.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is in its life. The legal moves are this table and nothing else; terminal states are final.
 * {@code RUNNING → QUEUED} is the one way back: the attempt was lost before it produced an outcome.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    public Set<JobState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(QUEUED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT);
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** @throws IllegalStateException when the move is not in the table */
    public JobState moveTo(JobState target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("a job cannot go from " + this + " to " + target);
        }
        return target;
    }
}
