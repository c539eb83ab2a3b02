package dev.muster.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's jobs: {@code true} in one pool, tagged by their idempotency key ({@code <batch>-<n>}) so each batch
 * can be timed from the database afterwards — the servers stamp {@code jobs.submitted_at} when a submission arrives,
 * {@code attempts.started_at} when a worker's lease is granted and {@code attempts.finished_at} when its result is
 * recorded, all from the same machine's clock.
 */
final class NoOpJobs {

    static final String POOL = "bench";
    private static final Duration POLL = Duration.ofMillis(10);

    private final Database database;

    NoOpJobs(Database database) {
        this.database = database;
    }

    /** Submits {@code count} jobs of batch {@code batch} through {@code api} from {@code threads} threads at once. */
    void submit(MusterApi api, String batch, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                submitters.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        submitOne(api, batch + "-" + n);
                    }
                    return null;
                }));
            }
            for (Future<?> submitter : submitters) {
                submitter.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One job; retried with the same key (so never twice) while the answer is not a 201/200. */
    void submitOne(MusterApi api, String key) throws IOException, InterruptedException {
        String json = "{\"command\":\"true\",\"pool\":\"" + POOL + "\"}";
        IOException last = null;
        for (int tries = 0; tries < 20; tries++) {
            try {
                HttpResponse<String> answer = api.submit(json, key);
                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                    return;
                }
                last = new IOException("submit " + key + " answered " + answer.statusCode() + ": " + answer.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw last;
    }

    /** Waits until every job of the batch has ended; fails after {@code limit}. */
    void awaitFinished(String batch, int count, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (finished(batch) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("batch " + batch + ": only " + finished(batch) + " of " + count
                        + " jobs ended within " + limit.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    int finished(String batch) throws SQLException {
        return count("select count(*) from jobs where idempotency_key like ? "
                + "and state in ('SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT')", batch + "-%");
    }

    /** Waits until the job with idempotency key {@code key} has ended; fails after {@code limit}. */
    void awaitEnded(String key, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count("select count(*) from jobs where idempotency_key = ? "
                + "and state in ('SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT')", key) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + key + " did not end within " + limit.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The batch's throughput as the servers recorded it: jobs over first lease granted to last result recorded. */
    Rate rate(String batch) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select count(distinct j.id), min(a.started_at), max(a.finished_at) from jobs j "
                        + "join attempts a on a.job_id = j.id where j.idempotency_key like ?")) {
            query.setString(1, batch + "-%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Instant first = row.getObject(2, OffsetDateTime.class).toInstant();
                Instant last = row.getObject(3, OffsetDateTime.class).toInstant();
                return new Rate(row.getInt(1), Duration.between(first, last));
            }
        }
    }

    /** Jobs over a time span. */
    record Rate(int jobs, Duration span) {
        double perSecond() {
            return jobs / (span.toMillis() / 1000.0);
        }
    }

    /** Per job of the batch, first lease granted minus submission arrived, in milliseconds, sorted. */
    List<Double> pickupMillis(String batch) throws SQLException {
        List<Double> millis = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select extract(epoch from (a.started_at - j.submitted_at)) * 1000 from jobs j "
                        + "join attempts a on a.job_id = j.id and a.number = 1 where j.idempotency_key like ? order by 1")) {
            query.setString(1, batch + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    millis.add(rows.getDouble(1));
                }
            }
        }
        return millis;
    }

    /** When each worker (by name) was first granted a lease after {@code after}; absent when it was not. */
    Map<String, Instant> firstLeaseAfter(Instant after) throws SQLException {
        Map<String, Instant> first = new TreeMap<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select w.name, min(a.started_at) from attempts a join workers w on w.id = a.worker_id "
                        + "where a.started_at > ? group by w.name")) {
            query.setObject(1, OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return first;
    }

    /** Names of the workers an instance recorded calling in (registration, lease request, heartbeat) after {@code since}. */
    Set<String> calledInSince(Instant since) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select name from workers where last_seen_at > ?")) {
            query.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The value below which {@code p} percent of the sorted values lie (nearest rank). */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
