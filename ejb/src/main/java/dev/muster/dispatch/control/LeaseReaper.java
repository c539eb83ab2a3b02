package dev.muster.dispatch.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Every two seconds, ends the attempts whose lease expired (their jobs are retried or fail as {@code worker-lost})
 * and those running past their timeout. Safe on every instance at once (see {@link ExpiredAttempts}).
 *
 * <p>Workers cannot heartbeat while the server or its database is away, so their leases lapse through no fault of
 * theirs. After this instance starts, and after any round that failed, the reaper therefore holds off for the
 * longest lease of any pool: a worker that kept running gets one full lease to heartbeat before it is judged.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseReaper {

    private static final System.Logger LOG = System.getLogger(LeaseReaper.class.getName());
    private static final int BATCH = 100;

    @Inject
    ExpiredAttempts expired;

    @Inject
    PoolSettings pools;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "muster.jobs.timeout-grace-seconds", defaultValue = "10")
    int timeoutGraceSeconds;

    /** Until when this instance reaps nothing; null until the first round. Touched only by the timer thread. */
    private volatile Instant quietUntil;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "muster lease reaper")
    void reap() {
        Instant now = clock.instant();
        if (quietUntil == null) {
            holdOff(now, "this server instance started");
        }
        if (now.isBefore(quietUntil)) {
            return;
        }
        try {
            while (expired.reapExpiredLeases(now, BATCH) == BATCH) {
                now = clock.instant();
            }
            while (expired.endOverdue(now, Duration.ofSeconds(timeoutGraceSeconds), BATCH) == BATCH) {
                now = clock.instant();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease reaper round failed: {0}", String.valueOf(e));
            holdOff(clock.instant(), "its last round failed");
        }
    }

    private void holdOff(Instant now, String why) {
        Duration quiet = pools.longestLease();
        quietUntil = now.plus(quiet);
        LOG.log(Level.INFO, "lease reaper holds off for {0} s: {1}", quiet.toSeconds(), why);
    }
}
