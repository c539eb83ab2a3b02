package dev.muster.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every token Muster hands out has: a name people know it by, the hash of its secret (the secret itself is
 * shown once and never stored), who made it and when, when it was last used, and whether it was revoked.
 */
@MappedSuperclass
public abstract class IssuedToken {

    @Id
    private String id;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected IssuedToken() {
    }

    protected IssuedToken(String id, String name, String tokenHash, String createdBy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Idempotent: the first revocation's time stays. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
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
