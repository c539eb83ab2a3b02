package dev.muster.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The few questions the harness asks the database while the run goes on. */
final class LiveQueries {

    private final Database database;

    LiveQueries(Database database) {
        this.database = database;
    }

    /** Ids and states of the jobs not ended yet, over every pool but the one nobody serves. */
    Map<String, String> openJobs() throws SQLException {
        Map<String, String> open = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, state from jobs where state in ('QUEUED', 'RUNNING') "
                     + "and pool <> '" + Workload.IDLE_POOL + "'")) {
            while (rows.next()) {
                open.put(rows.getString(1), rows.getString(2));
            }
        }
        return open;
    }

    /** Active attempts per worker name: a fault should hit a worker that is running something. */
    Map<String, Integer> activeAttemptsByWorker() throws SQLException {
        return counts("select w.name, count(*) from attempts a join workers w on w.id = a.worker_id "
                + "where a.state = 'ACTIVE' group by w.name");
    }

    /**
     * When each worker (by name) last called in: a lease request or a heartbeat, as the instance that took it
     * recorded it ({@code workers.last_seen_at}).
     */
    Map<String, Instant> lastSeenByWorker() throws SQLException {
        Map<String, Instant> seen = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name, last_seen_at from workers")) {
            while (rows.next()) {
                Instant at = rows.getObject(2, OffsetDateTime.class).toInstant();
                seen.merge(rows.getString(1), at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return seen;
    }

    /**
     * XA transactions prepared in PostgreSQL and not finished: in doubt, when nothing is committing them (a killed
     * instance's, which no other instance recovers; docs/reliability.md, "Known gaps").
     */
    int preparedTransactions() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from pg_prepared_xacts")) {
            row.next();
            return row.getInt(1);
        }
    }

    private Map<String, Integer> counts(String sql) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
