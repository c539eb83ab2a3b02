package dev.muster.worker.execution;

/** Why a running attempt is stopped before its process ended by itself. */
enum StopReason {
    /** The job was cancelled on the server: kill, then report "cancelled". */
    CANCELLED(true),
    /** The job ran past its timeout: kill, then report "timed_out". */
    TIMED_OUT(true),
    /** The worker is shutting down and the drain time is over (or cut short): kill, then report "abandoned". */
    SHUTDOWN(true),
    /** The server gave the attempt to someone else (heartbeat "stale" or a 409): kill, report nothing. */
    LEASE_LOST(false);

    private final boolean reported;

    StopReason(boolean reported) {
        this.reported = reported;
    }

    boolean reported() {
        return reported;
    }
}
