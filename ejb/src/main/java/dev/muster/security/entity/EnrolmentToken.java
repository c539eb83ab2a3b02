package dev.muster.security.entity;

import dev.muster.jobs.entity.Labels;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
public class EnrolmentToken extends IssuedToken {

    private String pools;
    private String labels;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected EnrolmentToken() {
    }

    /** Null or empty pools / labels: any. */
    public EnrolmentToken(String id, String name, String tokenHash, List<String> pools, List<String> labels,
                          Instant expiresAt, String createdBy, Instant createdAt) {
        super(id, name, tokenHash, createdBy, createdAt);
        this.pools = pools == null || pools.isEmpty() ? null : String.join(",", pools);
        this.labels = labels == null || labels.isEmpty() ? null : Labels.of(labels).canonical();
        this.expiresAt = expiresAt;
    }

    public boolean isUsable(Instant now) {
        return !isRevoked() && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean allowsPool(String pool) {
        return pools == null || pools().contains(pool);
    }

    /** Whether a worker may claim all of these labels. */
    public boolean allowsLabels(List<String> claimed) {
        return labels == null || claimed == null || Labels.parse(labels).values().containsAll(claimed);
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
}
