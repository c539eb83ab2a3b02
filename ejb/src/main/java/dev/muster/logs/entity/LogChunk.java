package dev.muster.logs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A piece of an attempt's output. Append-only: {@code (attempt, seq)} is written once and never changed. */
@Entity
@Table(name = "log_chunks")
@IdClass(LogChunk.Key.class)
public class LogChunk {

    @Id
    @Column(name = "attempt_id")
    private String attemptId;
    @Id
    private int seq;
    private String stream;
    private String data;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected LogChunk() {
    }

    /** Not stored: the line shown to readers where a truncated log's middle was dropped (see {@link LogWindow}). */
    public static LogChunk marker(String attemptId, LogWindow window) {
        LogChunk marker = new LogChunk();
        marker.attemptId = attemptId;
        marker.seq = window.headLastSeq();
        marker.stream = "stderr";
        marker.data = window.marker();
        return marker;
    }

    public String attemptId() {
        return attemptId;
    }

    public int seq() {
        return seq;
    }

    public String stream() {
        return stream;
    }

    public String data() {
        return data;
    }

    /** The JPA id class; JPA needs a mutable class here, not a record. */
    public static class Key implements Serializable {
        private String attemptId;
        private int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && seq == key.seq && java.util.Objects.equals(attemptId, key.attemptId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(attemptId, seq);
        }
    }
}
