package dev.muster.worker.protocol;

/** The states of a job as the server reports them. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, UNKNOWN;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
    }

    /** Tolerates states a newer server may add, rather than failing to read the whole job. */
    public static JobState fromWire(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }
}
