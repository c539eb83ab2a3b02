package dev.muster.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who logs in to the console. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    @Column(name = "created_at")
    private Instant createdAt;

    protected User() {
    }

    public User(String name, String passwordHash, Role role, Instant createdAt) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role.wire();
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return Role.parse(role);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
