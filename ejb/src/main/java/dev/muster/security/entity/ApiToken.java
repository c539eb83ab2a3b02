package dev.muster.security.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bearer token for scripts and CI: acts with its role until revoked. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends IssuedToken {

    private String role;

    protected ApiToken() {
    }

    public ApiToken(String id, String name, Role role, String tokenHash, String createdBy, Instant createdAt) {
        super(id, name, tokenHash, createdBy, createdAt);
        this.role = role.wire();
    }

    public Role role() {
        return Role.parse(role);
    }
}
