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
 *
 * <p>An attempt that ends because of its worker (lost, abandoned) or with an exit code the submitter called
 * retryable sends the job back to the queue while its {@link RetryPolicy} allows; a job that runs out of attempts
 * that way is dead-lettered. A cancel ends a queued job at once; a running one keeps running until its worker
 * reports (it learns of the cancel from its next heartbeat) or its lease expires.
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
    @Column(name = "max_attempts")
    private int maxAttempts;
    @Column(name = "retry_exit_codes")
    private String retryExitCodes;
    @Column(name = "retry_backoff_seconds")
    private int retryBackoffSeconds;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "cancel_requested_at")
    private Instant cancelRequestedAt;
    private String reason;
    @Column(name = "dead_lettered_at")
    private Instant deadLetteredAt;
    private String script;
    @Column(name = "input_json")
    private String inputJson;
    @Column(name = "result_json")
    private String resultJson;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "error_stack")
    private String errorStack;
    @Column(name = "queue_generation")
    private int queueGeneration;
    private String submitter;
    @Column(name = "workspace_id")
    private String workspaceId;
    @Version
    private long version;

    protected Job() {
    }

    public Job(String id, JobSpec spec, RetryPolicy retry, String envJson, Instant now) {
        this.id = id;
        this.kind = spec.kind();
        this.command = spec.command();
        this.script = spec.script();
        this.inputJson = spec.input() == null ? null : spec.input().toString();
        this.envJson = envJson;
        this.pool = spec.pool();
        this.labels = Labels.of(spec.labels()).canonical();
        this.priority = spec.priority();
        this.timeoutSeconds = spec.timeoutSeconds();
        this.maxAttempts = retry.maxAttempts();
        this.retryExitCodes = retry.exitCodesColumn();
        this.retryBackoffSeconds = retry.backoffSeconds();
        this.idempotencyKey = spec.idempotencyKey();
        this.workspaceId = spec.workspace();
        this.state = JobState.QUEUED;
        this.queueGeneration = 1;
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

    /**
     * Records how the current attempt ended, and so what happens to the job: it ends, or it goes back to the queue
     * (then {@link #state()} is {@code QUEUED} and {@link #retryDelay} says when it may run).
     */
    public void finish(Attempt attempt, AttemptState outcome, Integer exitCode, String detail, Instant now) {
        requireCurrent(attempt);
        attempt.end(outcome, exitCode, detail, now);
        // A cancelled job is not retried; what its process did before it was stopped (an exit) still stands.
        boolean retryable = cancelRequestedAt == null && (outcome.isWorkerFailure()
                || (outcome == AttemptState.EXITED && retryPolicy().retriesExitCode(exitCode)));
        if (cancelRequestedAt != null && outcome != AttemptState.EXITED) {
            end(JobState.CANCELLED, "cancelled", exitCode, now);
        } else if (retryable && attemptCount < maxAttempts) {
            backToQueue();
        } else {
            end(outcome.finalJobStateFor(exitCode), outcome.reasonFor(exitCode), exitCode, now);
            if (retryable) {
                deadLetteredAt = now; // it would have run again, but has no attempts left
            }
        }
    }

    /** Keeps what the latest reported attempt returned or threw, replacing an earlier attempt's. */
    public void recordResult(JobResult result) {
        resultJson = result.resultJson();
        errorMessage = result.errorMessage();
        errorStack = result.errorStack();
    }

    /**
     * Takes back an attempt its worker never received (the long-poll was gone when it was granted): it never ran,
     * so it leaves no trace and costs the job no attempt.
     */
    public void withdraw(Attempt attempt) {
        requireCurrent(attempt);
        if (attempt.state() != AttemptState.ACTIVE) {
            throw new IllegalStateException("attempt " + attempt.id() + " already ended as " + attempt.state());
        }
        backToQueue();
        attemptCount--;
        if (attemptCount == 0) {
            startedAt = null;
        }
    }

    /**
     * Asks for the job to end. A queued job is cancelled at once; a running one is marked, and ends when its worker
     * reports or its lease expires. Cancelling again changes nothing; an ended job stays as it ended.
     */
    public void cancel(Instant now) {
        if (state == JobState.QUEUED) {
            end(JobState.CANCELLED, "cancelled", null, now);
        } else if (state == JobState.RUNNING && cancelRequestedAt == null) {
            cancelRequestedAt = now;
        }
    }

    /**
     * True when the current attempt has run {@code grace} past the job's timeout: its worker should have killed it
     * by now, so the server ends it instead.
     */
    public boolean isOverdue(Attempt attempt, java.time.Duration grace, Instant now) {
        return timeoutSeconds != null && state == JobState.RUNNING && attempt.id().equals(currentAttemptId)
                && attempt.startedAt().plusSeconds(timeoutSeconds).plus(grace).isBefore(now);
    }

    /** How long a job sent back to the queue waits before it may run again. */
    public java.time.Duration retryDelay(double jitter) {
        return retryPolicy().delayBefore(attemptCount, jitter);
    }

    /** True when a resubmission with this job's idempotency key asks for the same thing as this job. */
    public boolean sameRequestAs(JobSpec spec, String envJson) {
        return Objects.equals(kind, spec.kind()) && Objects.equals(command, spec.command())
                && Objects.equals(script, spec.script())
                && Objects.equals(inputJson, spec.input() == null ? null : spec.input().toString())
                && Objects.equals(this.envJson, envJson) && Objects.equals(pool, spec.pool())
                && Objects.equals(labels, Labels.of(spec.labels()).canonical()) && priority == spec.priority()
                && Objects.equals(timeoutSeconds, spec.timeoutSeconds())
                && Objects.equals(workspaceId, spec.workspace())
                && (spec.maxAttempts() == null || spec.maxAttempts() == maxAttempts)
                && (spec.retryBackoffSeconds() == null || spec.retryBackoffSeconds() == retryBackoffSeconds)
                && (spec.retryOnExitCodes() == null
                    || RetryPolicy.parseExitCodes(retryExitCodes).equals(new java.util.TreeSet<>(spec.retryOnExitCodes())));
    }

    private void backToQueue() {
        state = state.moveTo(JobState.QUEUED);
        currentAttemptId = null;
        workerId = null;
        queueGeneration++;
    }

    /**
     * Whether a dispatch message sent with {@code generation} should be leased now. Otherwise it is a leftover of an
     * earlier trip through the queue, a repeat, or the job was cancelled or ended meanwhile, and it is dropped.
     */
    public boolean isDue(int generation) {
        return generation == queueGeneration && state == JobState.QUEUED;
    }

    public int queueGeneration() {
        return queueGeneration;
    }

    private void end(JobState target, String why, Integer exitCode, Instant now) {
        state = state.moveTo(target);
        reason = why;
        this.exitCode = exitCode;
        finishedAt = now;
    }

    private void requireCurrent(Attempt attempt) {
        if (!Objects.equals(attempt.id(), currentAttemptId)) {
            throw new IllegalStateException("attempt " + attempt.id() + " is not the current attempt of job " + id);
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, RetryPolicy.parseExitCodes(retryExitCodes), retryBackoffSeconds);
    }

    /** Records who asked for the job, when known (the console's user; the API has no users yet). */
    public void submittedBy(String user) {
        submitter = user;
    }

    public String submitter() {
        return submitter;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public boolean isCancelRequested() {
        return cancelRequestedAt != null;
    }

    public String reason() {
        return reason;
    }

    public boolean isDeadLettered() {
        return deadLetteredAt != null;
    }

    public Instant deadLetteredAt() {
        return deadLetteredAt;
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

    public String script() {
        return script;
    }

    /** The uploaded workspace the worker unpacks before running the job; null for none. */
    public String workspaceId() {
        return workspaceId;
    }

    public String inputJson() {
        return inputJson;
    }

    public JobResult result() {
        return new JobResult(resultJson, errorMessage, errorStack);
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
