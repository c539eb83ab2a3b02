package dev.muster.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One run of a job on one worker. While {@code ACTIVE} the worker holds a lease, proven by the lease token: only a
 * caller presenting it may extend the lease, append to the log or report the outcome (fencing). Once ended, an
 * attempt never changes again.
 */
@Entity
@Table(name = "attempts")
public class Attempt {

    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id")
    private Job job;
    private int number;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "lease_token")
    private String leaseToken;
    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;
    @Enumerated(EnumType.STRING)
    private AttemptState state;
    @Column(name = "exit_code")
    private Integer exitCode;
    private String detail;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Attempt() {
    }

    Attempt(String id, Job job, int number, String workerId, String leaseToken, Instant leaseExpiresAt, Instant now) {
        this.id = id;
        this.job = job;
        this.number = number;
        this.workerId = workerId;
        this.leaseToken = leaseToken;
        this.leaseExpiresAt = leaseExpiresAt;
        this.state = AttemptState.ACTIVE;
        this.startedAt = now;
    }

    /** True when {@code workerId} holds this attempt's lease with {@code token}. */
    public boolean isLeasedBy(String workerId, String token) {
        return state == AttemptState.ACTIVE && this.workerId.equals(workerId) && leaseToken.equals(token);
    }

    /** True when this is exactly the outcome already recorded: a resent completion, answered as before. */
    public boolean hasEnded(AttemptState outcome, Integer exitCode) {
        return state == outcome && java.util.Objects.equals(this.exitCode, exitCode);
    }

    public void extendLease(Instant until) {
        if (state != AttemptState.ACTIVE) {
            throw new IllegalStateException("attempt " + id + " has ended");
        }
        if (until.isAfter(leaseExpiresAt)) {
            leaseExpiresAt = until;
        }
    }

    void end(AttemptState outcome, Integer exitCode, String detail, Instant now) {
        if (state != AttemptState.ACTIVE) {
            throw new IllegalStateException("attempt " + id + " already ended as " + state);
        }
        if (outcome == AttemptState.ACTIVE) {
            throw new IllegalArgumentException("an attempt cannot end as ACTIVE");
        }
        this.state = outcome;
        this.exitCode = exitCode;
        this.detail = detail;
        this.finishedAt = now;
    }

    public String id() {
        return id;
    }

    public Job job() {
        return job;
    }

    public int number() {
        return number;
    }

    public String workerId() {
        return workerId;
    }

    public String leaseToken() {
        return leaseToken;
    }

    public Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public AttemptState state() {
        return state;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
