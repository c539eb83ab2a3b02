package dev.muster.security.entity;

import dev.muster.jobs.entity.Labels;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Lets workers register, into the pools and with the labels it allows, until it expires or is revoked. The workers
 * it admitted keep their own secrets: revoking the enrolment stops new registrations, revoking a worker stops that
 * worker.
 */
@Entity
@Table(name = "enrolment_tokens")
public class EnrolmentToken {

    @Id
    private String id;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    private String pools;
    private String labels;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected EnrolmentToken() {
    }

    /** Null or empty pools / labels: any. */
    public EnrolmentToken(String id, String name, String tokenHash, List<String> pools, List<String> labels,
                          Instant expiresAt, String createdBy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.tokenHash = tokenHash;
        this.pools = pools == null || pools.isEmpty() ? null : String.join(",", pools);
        this.labels = labels == null || labels.isEmpty() ? null : Labels.of(labels).canonical();
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean allowsPool(String pool) {
        return pools == null || pools().contains(pool);
    }

    /** Whether a worker may claim all of these labels. */
    public boolean allowsLabels(List<String> claimed) {
        return labels == null || claimed == null || Labels.parse(labels).values().containsAll(claimed);
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Empty: any pool. */
    public List<String> pools() {
        return pools == null ? List.of() : Arrays.asList(pools.split(","));
    }

    /** Empty: any labels. */
    public List<String> labels() {
        return labels == null ? List.of() : List.copyOf(Labels.parse(labels).values());
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
