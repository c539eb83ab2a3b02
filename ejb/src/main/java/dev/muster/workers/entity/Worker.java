package dev.muster.workers.entity;

import dev.muster.jobs.entity.JobKind;
import dev.muster.jobs.entity.Labels;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A registered worker process (or browser tab): where it takes work from and how much it can take at once. */
@Entity
@Table(name = "workers")
public class Worker {

    public static final String ONLINE = "ONLINE";
    public static final String GONE = "GONE";
    /** Finishes the jobs it runs but is given no more until resumed; set by an operator. */
    public static final String DRAINING = "DRAINING";

    @Id
    private String id;
    private String name;
    private String pool;
    private String labels;
    private int slots;
    private String version;
    private String kind;
    @Column(name = "job_kinds")
    private String jobKinds;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "enrolment_id")
    private String enrolmentId;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    private String state;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Worker() {
    }

    public Worker(String id, WorkerRegistration registration, String secretHash, String enrolmentId, Instant now) {
        this.id = id;
        this.name = registration.name();
        this.pool = registration.pool();
        this.labels = Labels.of(registration.labels()).canonical();
        this.slots = registration.slots();
        this.version = registration.version();
        this.kind = registration.kind();
        this.jobKinds = JobKind.canonical(registration.jobKinds());
        this.secretHash = secretHash;
        this.enrolmentId = enrolmentId;
        this.state = ONLINE;
        this.registeredAt = now;
        this.lastSeenAt = now;
    }

    public void seen(Instant now) {
        lastSeenAt = now;
        if (!DRAINING.equals(state)) {
            state = ONLINE;
        }
    }

    public void leave() {
        state = GONE;
    }

    /** Removed by an admin: gone, and told so if it calls again. */
    public void revoke(Instant now) {
        leave();
        revokedAt = now;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** @throws IllegalStateException for a worker that has left */
    public void drain() {
        requirePresent();
        state = DRAINING;
    }

    /** @throws IllegalStateException for a worker that has left */
    public void resume() {
        requirePresent();
        state = ONLINE;
    }

    public boolean isDraining() {
        return DRAINING.equals(state);
    }

    private void requirePresent() {
        if (GONE.equals(state)) {
            throw new IllegalStateException("worker " + id + " has left");
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String pool() {
        return pool;
    }

    public Labels labels() {
        return Labels.parse(labels);
    }

    /** java or browser. */
    public String kind() {
        return kind;
    }

    /** The kinds of job it runs, sorted. */
    public java.util.List<String> jobKinds() {
        return JobKind.parse(jobKinds);
    }

    public int slots() {
        return slots;
    }

    public String version() {
        return version;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** The enrolment token that admitted it. */
    public String enrolmentId() {
        return enrolmentId;
    }

    public String secretHash() {
        return secretHash;
    }

    public String state() {
        return state;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
