package dev.muster.jobs.control;

import dev.muster.dispatch.control.PoolSettings;
import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobResult;
import dev.muster.logs.control.LogStore;
import dev.muster.logs.entity.ChunkIn;
import dev.muster.platform.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What workers report about their attempts. Every report is fenced by the lease token: a worker that lost its lease
 * gets a 409 and its report changes nothing, so a job has at most one outcome.
 */
@Stateless
public class AttemptReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    LogStore logs;

    @Inject
    PoolSettings pools;

    @Inject
    AttemptEndings endings;

    @Inject
    Clock clock;

    /**
     * Extends the leases still held, names the attempts the worker must drop (stale: no longer its lease) and those
     * whose job was cancelled (kill, then report them).
     */
    public Beat heartbeat(String workerId, List<HeldLease> leases) {
        Instant now = clock.instant();
        List<String> stale = new ArrayList<>();
        List<String> cancel = new ArrayList<>();
        for (HeldLease lease : leases) {
            // Locked like complete(), so a heartbeat cannot extend a lease that a concurrent completion just ended.
            Attempt attempt = em.find(Attempt.class, lease.attemptId(), LockModeType.PESSIMISTIC_WRITE);
            if (attempt != null && attempt.isLeasedBy(workerId, lease.leaseToken())) {
                attempt.extendLease(now.plus(pools.lease(attempt.job().pool())));
                if (attempt.job().isCancelRequested()) {
                    cancel.add(attempt.id());
                }
            } else {
                stale.add(lease.attemptId());
            }
        }
        return new Beat(stale, cancel);
    }

    /** Shares the attempt's row lock with other appends but not with complete(): a completed log stays complete. */
    public void appendLog(String workerId, String attemptId, String leaseToken, List<ChunkIn> chunks) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_READ);
        if (attempt == null || !attempt.isLeasedBy(workerId, leaseToken)) {
            throw Refused.leaseLost(attemptId);
        }
        logs.append(attemptId, chunks);
    }

    /** Records the outcome once; the identical report sent again (after a lost response) gets the same answer. */
    public Job complete(String workerId, String attemptId, String leaseToken, Completion completion) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || !attempt.workerId().equals(workerId) || !attempt.leaseToken().equals(leaseToken)) {
            throw Refused.leaseLost(attemptId);
        }
        Job job = attempt.job();
        if (attempt.state() != AttemptState.ACTIVE) {
            if (attempt.hasEnded(completion.outcome(), completion.exitCode())) {
                return job;
            }
            throw Refused.leaseLost(attemptId);
        }
        Job ended = endings.end(attempt, completion.outcome(), completion.exitCode(), completion.detail());
        ended.recordResult(completion.result());
        return ended;
    }

    public record Beat(List<String> stale, List<String> cancel) {
    }

    public record HeldLease(String attemptId, String leaseToken) {
    }

    public record Completion(AttemptState outcome, Integer exitCode, String detail, JobResult result) {
    }
}
