package dev.muster.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a {@link Snapshot} over plain JDBC (the schema of ejb/src/main/resources/db/migration). */
final class SnapshotReader {

    private SnapshotReader() {
    }

    static Snapshot read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            return Snapshot.of(jobs(statement), attempts(statement), chunks(statement), workers(statement),
                    truncations(statement));
        }
    }

    private static List<Snapshot.JobRow> jobs(Statement statement) throws SQLException {
        List<Snapshot.JobRow> jobs = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select id, pool, state, reason, exit_code, attempt_count, "
                + "current_attempt_id, max_attempts, retry_exit_codes, idempotency_key, started_at, finished_at from jobs")) {
            while (rows.next()) {
                jobs.add(new Snapshot.JobRow(rows.getString("id"), rows.getString("pool"), rows.getString("state"),
                        rows.getString("reason"), integer(rows, "exit_code"), rows.getInt("attempt_count"),
                        rows.getString("current_attempt_id"), rows.getInt("max_attempts"),
                        exitCodes(rows.getString("retry_exit_codes")), rows.getString("idempotency_key"),
                        instant(rows, "started_at"), instant(rows, "finished_at")));
            }
        }
        return jobs;
    }

    private static List<Snapshot.AttemptRow> attempts(Statement statement) throws SQLException {
        List<Snapshot.AttemptRow> attempts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "select id, job_id, number, worker_id, state, exit_code, started_at, finished_at from attempts")) {
            while (rows.next()) {
                attempts.add(new Snapshot.AttemptRow(rows.getString("id"), rows.getString("job_id"), rows.getInt("number"),
                        rows.getString("worker_id"), rows.getString("state"), integer(rows, "exit_code"),
                        instant(rows, "started_at"), instant(rows, "finished_at")));
            }
        }
        return attempts;
    }

    /** Only the current attempts of jobs that ran to an exit: the logs that must be complete. */
    private static List<Snapshot.ChunkRow> chunks(Statement statement) throws SQLException {
        List<Snapshot.ChunkRow> chunks = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select c.attempt_id, c.seq, c.data from log_chunks c "
                + "join jobs j on j.current_attempt_id = c.attempt_id where j.state in ('SUCCEEDED', 'FAILED')")) {
            while (rows.next()) {
                chunks.add(new Snapshot.ChunkRow(rows.getString(1), rows.getInt(2), rows.getString(3)));
            }
        }
        return chunks;
    }

    private static List<Snapshot.Truncation> truncations(Statement statement) throws SQLException {
        List<Snapshot.Truncation> truncations = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select attempt_id, head_last_seq, dropped_through_seq, dropped_bytes "
                + "from log_windows where dropped_bytes > 0")) {
            while (rows.next()) {
                truncations.add(new Snapshot.Truncation(rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getLong(4)));
            }
        }
        return truncations;
    }

    private static Map<String, String> workers(Statement statement) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("select id, name from workers")) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }

    static Set<Integer> exitCodes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
