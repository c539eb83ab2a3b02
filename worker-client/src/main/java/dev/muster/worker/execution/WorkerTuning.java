package dev.muster.worker.execution;

import dev.muster.worker.logshipping.LogShipper;
import dev.muster.worker.protocol.Backoff;
import java.time.Duration;

/**
 * The worker's internal timings and limits. The defaults are what production uses; tests shorten them.
 *
 * @param backoff pause between retries of a failed call
 * @param cadence when log output is shipped
 * @param logCapacityBytes unshipped output kept per attempt before the middle is dropped
 * @param killGrace time between SIGTERM and SIGKILL
 * @param outputGrace time to wait for a job's output pipes to close after its process is gone
 * @param finalReportTimeout at shutdown, after the kill grace, time for killed attempts (and ended ones that could
 *     not report yet) to ship their logs and report; what has not reported by then is given up
 * @param leaseWaitSeconds how long a lease request may wait on the server for work
 * @param downloadStall how long a workspace download may go without a byte before the attempt gives it up
 */
public record WorkerTuning(Backoff backoff, LogShipper.Cadence cadence, long logCapacityBytes, Duration killGrace,
        Duration outputGrace, Duration finalReportTimeout, int leaseWaitSeconds, Duration downloadStall) {

    public static final WorkerTuning DEFAULT = new WorkerTuning(Backoff.DEFAULT, LogShipper.Cadence.DEFAULT,
            8L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15), 30);

    /** Tuning with the default download stall, 60 s. */
    public WorkerTuning(Backoff backoff, LogShipper.Cadence cadence, long logCapacityBytes, Duration killGrace,
            Duration outputGrace, Duration finalReportTimeout, int leaseWaitSeconds) {
        this(backoff, cadence, logCapacityBytes, killGrace, outputGrace, finalReportTimeout, leaseWaitSeconds,
                Duration.ofSeconds(60));
    }
}
