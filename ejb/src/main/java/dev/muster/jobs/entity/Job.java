package dev.muster.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * The aggregate a client submitted. Its state changes only through the methods here, which follow
 * {@link JobState}'s table; an outcome is accepted only from the job's current attempt, so a job has at most one.
 */
@Entity
@Table(name = "jobs")
public class Job {

    @Id
    private String id;
    private String kind;
    private String command;
    @Column(name = "env_json")
    private String envJson;
    private String pool;
    private String labels;
    private int priority;
    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;
    @Enumerated(EnumType.STRING)
    private JobState state;
    @Column(name = "exit_code")
    private Integer exitCode;
    @Column(name = "attempt_count")
    private int attemptCount;
    @Column(name = "current_attempt_id")
    private String currentAttemptId;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    private long version;

    protected Job() {
    }

    public Job(String id, JobSpec spec, String envJson, Instant now) {
        this.id = id;
        this.kind = spec.kind();
        this.command = spec.command();
        this.envJson = envJson;
        this.pool = spec.pool();
        this.labels = Labels.of(spec.labels()).canonical();
        this.priority = spec.priority();
        this.timeoutSeconds = spec.timeoutSeconds();
        this.state = JobState.QUEUED;
        this.submittedAt = now;
    }

    /** Hands the job to a worker: a new attempt holding a lease until {@code leaseExpiresAt}. */
    public Attempt start(String attemptId, String workerId, String leaseToken, Instant leaseExpiresAt, Instant now) {
        state = state.moveTo(JobState.RUNNING);
        attemptCount++;
        currentAttemptId = attemptId;
        this.workerId = workerId;
        if (startedAt == null) {
            startedAt = now;
        }
        return new Attempt(attemptId, this, attemptCount, workerId, leaseToken, leaseExpiresAt, now);
    }

    /** Records how the current attempt ended; {@code LOST} puts the job back in the queue. */
    public void finish(Attempt attempt, AttemptState outcome, Integer exitCode, String detail, Instant now) {
        if (!Objects.equals(attempt.id(), currentAttemptId)) {
            throw new IllegalStateException("attempt " + attempt.id() + " is not the current attempt of job " + id);
        }
        attempt.end(outcome, exitCode, detail, now);
        state = state.moveTo(outcome.jobStateFor(exitCode));
        if (state.isTerminal()) {
            this.exitCode = exitCode;
            finishedAt = now;
        } else {
            currentAttemptId = null;
            workerId = null;
        }
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String command() {
        return command;
    }

    public String envJson() {
        return envJson;
    }

    public String pool() {
        return pool;
    }

    public Labels labels() {
        return Labels.parse(labels);
    }

    public int priority() {
        return priority;
    }

    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    public JobState state() {
        return state;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public int attemptCount() {
        return attemptCount;
    }

    public String currentAttemptId() {
        return currentAttemptId;
    }

    public String workerId() {
        return workerId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
