package dev.muster.workspaces.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A zip archive a client uploaded for jobs to run in: the worker unpacks it into the job's directory. Its bytes live
 * in {@code workspace_parts}; this row says how many there are and their SHA-256, which the worker checks.
 */
@Entity
@Table(name = "workspaces")
public class Workspace {

    @Id
    private String id;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected Workspace() {
    }

    /** A workspace being uploaded: its size and digest are known once the last part is stored. */
    public Workspace(String id, Instant now) {
        this.id = id;
        this.sha256 = "";
        this.createdAt = now;
        this.usedAt = now;
    }

    public void uploaded(long sizeBytes, String sha256) {
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
    }

    /** A job was submitted with it: retention counts from now. */
    public void usedAt(Instant now) {
        usedAt = now;
    }

    public String id() {
        return id;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** What a worker is told about the workspace of a job it leased. */
    public Ref ref() {
        return new Ref(id, sizeBytes, sha256);
    }

    public record Ref(String id, long sizeBytes, String sha256) {
    }
}
