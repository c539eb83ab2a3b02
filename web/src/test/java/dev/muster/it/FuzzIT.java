package dev.muster.it;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the job (single and batch), worker-protocol and management endpoints on a real server: 10,000 generated
 * malformed or hostile bodies (seeded; {@code -Dmuster.fuzz.seed=} replays a run, {@code -Dmuster.fuzz.count=}
 * sizes it). Every answer must be below 500, a problem+json without a stack trace when refused, and the database
 * must hold exactly what the accepted requests created — nothing from a refused one.
 */
class FuzzIT extends OnRealServer {

    private static final Pattern STACK_TRACE = Pattern.compile("(?s).*(\\tat |\\bat [a-z]+\\.[a-z]+\\.|Exception:|\\.java:\\d+).*");
    private static final List<String> TABLES = List.of("jobs", "workers", "attempts", "log_chunks", "api_tokens",
            "enrolment_tokens", "users");

    @Test
    void hostileBodiesAreRefusedCleanlyAndLeaveNoTrace() throws Exception {
        Api admin = new Api(base).awaitReady();
        long seed = Long.getLong("muster.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("muster.fuzz.count", 10_000);
        String pool = "fuzzw-" + UUID.randomUUID().toString().substring(0, 8);
        Worker worker = Worker.register(admin, pool, "[]");
        Api asWorker = admin.as(worker.secret());
        Api asEnrolment = admin.as(Credentials.ENROLMENT_TOKEN);
        List<Target> targets = targets(admin, asWorker, asEnrolment, worker.id(), pool);

        Map<String, Long> before = counts();
        Map<String, Integer> created = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        HostileBodies bodies = new HostileBodies(seed);
        List<java.util.concurrent.CompletableFuture<Void>> longPolls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Target target = targets.get(i % targets.size());
            byte[] body = bodies.next(target.valid());
            if (target.longPoll()) {
                // A lease body that lost its waitSeconds parks for the longest wait: collect those at the end.
                longPolls.add(target.api().sendAsync("POST", target.path(), body, "application/json")
                        .thenAccept(reply -> record(target, body, reply, statuses, created, violations)));
            } else {
                record(target, body, target.api().send("POST", target.path(), body, "application/json"), statuses,
                        created, violations);
            }
        }
        longPolls.forEach(java.util.concurrent.CompletableFuture::join);
        int others = hostilePathsAndEncodings(admin, violations, statuses);

        Map<String, Long> after = counts();
        System.out.printf("FuzzIT: seed %d, %d bodies + %d paths/encodings, statuses %s, created %s%n",
                seed, count, others, statuses, created);
        assertThat(violations).as("seed " + seed + " (replay with -Dmuster.fuzz.seed=" + seed + ")").isEmpty();
        for (String table : TABLES) {
            assertThat(after.get(table) - before.get(table)).as("rows added to " + table + " (seed " + seed + ")")
                    .isEqualTo(created.getOrDefault(table, 0).longValue());
        }
        assertThat(statuses.keySet()).as("the run exercised refusals").anyMatch(status -> status >= 400);
    }

    private static synchronized void record(Target target, byte[] body, Api.Reply reply, Map<Integer, Integer> statuses,
                                            Map<String, Integer> created, List<String> violations) {
        statuses.merge(reply.status(), 1, Integer::sum);
        check(target.path(), body, reply, violations);
        if (reply.status() == 201 && target.table() != null) {
            created.merge(target.table(), 1, Integer::sum);
        }
    }

    private static void check(String path, byte[] body, Api.Reply reply, List<String> violations) {
        String sample = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        if (reply.status() >= 500) {
            violations.add(reply.status() + " on " + path + " for " + sample + ": " + reply.body());
        } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
            violations.add(reply.status() + " not problem+json (" + reply.contentType() + ") on " + path + " for " + sample
                    + ": " + reply.body());
        }
        if (reply.body() != null && STACK_TRACE.matcher(reply.body()).matches()) {
            violations.add("stack trace on " + path + " for " + sample + ": " + reply.body());
        }
    }

    /** Traversal and junk in path parameters and query strings, and a gzip bomb. */
    private static int hostilePathsAndEncodings(Api admin, List<String> violations, Map<Integer, Integer> statuses) throws IOException {
        List<String> paths = new ArrayList<>();
        for (String nasty : List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "x%0d%0aSet-Cookie:%20a=b",
                "' or 1=1 --", "😀", "a".repeat(5000), "%ff%fe", "\\..\\win.ini")) {
            String encoded = URLEncoder.encode(nasty, StandardCharsets.UTF_8);
            paths.add("/api/v1/jobs/" + encoded);
            paths.add("/api/v1/jobs/" + encoded + "/log");
            paths.add("/api/v1/jobs/" + encoded + "/log/chunks?after=" + encoded);
            paths.add("/api/v1/jobs?state=" + encoded + "&pool=" + encoded + "&page=" + encoded + "&size=-1");
            paths.add("/api/v1/dead-letters?page=-5&size=" + encoded);
        }
        for (String path : paths) {
            Api.Reply reply = admin.get(path);
            statuses.merge(reply.status(), 1, Integer::sum);
            // Grizzly itself refuses some request lines (an encoded backslash, a line too long) before any
            // application code runs: an empty 400, which is as good as a problem document here.
            boolean refusedByTheHttpServer = reply.body().isEmpty() && reply.status() == 400;
            if (!refusedByTheHttpServer) {
                check(path, new byte[0], reply, violations);
            }
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        Api.Reply reply = admin.postGzipBytes("/api/v1/jobs", bomb.toByteArray());
        statuses.merge(reply.status(), 1, Integer::sum);
        check("/api/v1/jobs (gzip bomb)", new byte[0], reply, violations);
        assertThat(reply.status()).as("64 MiB of zeros, gzipped").isEqualTo(413);
        return paths.size() + 1;
    }

    private static List<Target> targets(Api admin, Api asWorker, Api asEnrolment, String workerId, String pool) {
        String attempt = "/api/v1/workers/" + workerId + "/attempts/" + UUID.randomUUID();
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(admin, "/api/v1/jobs", "jobs", fields("command", "\"true\"", "pool", "\"fuzz\"",
                "env", "{\"A\":\"b\"}", "labels", "[\"x\"]", "priority", "5", "timeoutSeconds", "60", "maxAttempts", "2",
                "retryOnExitCodes", "[3]", "retryBackoffSeconds", "1", "idempotencyKey", "\"k-" + UUID.randomUUID() + "\"")));
        targets.add(new Target(admin, "/api/v1/jobs", "jobs", fields("kind", "\"js\"", "script", "\"return 1\"",
                "input", "{\"n\":[1,2]}", "pool", "\"fuzz\"")));
        targets.add(new Target(admin, "/api/v1/jobs/batch", "jobs", fields("jobs",
                "[{\"command\":\"true\",\"pool\":\"fuzz\",\"labels\":[\"x\"],\"env\":{\"A\":\"b\"}}]")));
        targets.add(new Target(asEnrolment, "/api/v1/workers", "workers", fields("name", "\"f\"", "pool", "\"fuzz-other\"",
                "labels", "[]", "slots", "1", "version", "\"1\"", "kind", "\"java\"", "jobKinds", "[\"shell\"]")));
        targets.add(new Target(asWorker, "/api/v1/workers/" + workerId + "/lease", null, fields("slots", "1", "waitSeconds", "0"), true));
        targets.add(new Target(asWorker, "/api/v1/workers/" + workerId + "/heartbeat", null,
                fields("attempts", "[{\"attemptId\":\"a\",\"leaseToken\":\"t\"}]")));
        targets.add(new Target(asWorker, attempt + "/log", null, fields("leaseToken", "\"t\"",
                "chunks", "[{\"stream\":\"stdout\",\"seq\":0,\"data\":\"hi\"}]")));
        targets.add(new Target(asWorker, attempt + "/complete", null, fields("leaseToken", "\"t\"", "outcome", "\"exited\"",
                "exitCode", "0", "durationMs", "5", "detail", "\"d\"", "result", "{\"r\":1}")));
        targets.add(new Target(admin, "/api/v1/tokens", "api_tokens", fields("name", "\"n\"", "role", "\"viewer\"")));
        targets.add(new Target(admin, "/api/v1/enrolment-tokens", "enrolment_tokens", fields("name", "\"n\"",
                "pools", "[\"p\"]", "labels", "[\"l\"]", "expiresInSeconds", "3600")));
        targets.add(new Target(admin, "/api/v1/users", "users", fields("name", "\"u-" + UUID.randomUUID().toString().substring(0, 8) + "\"",
                "password", "\"password-123\"", "role", "\"viewer\"")));
        return targets;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(System.getProperty("muster.it.jdbcUrl"),
                System.getProperty("muster.it.jdbcUser"), System.getProperty("muster.it.jdbcPassword"))) {
            for (String table : TABLES) {
                try (ResultSet rows = db.createStatement().executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * @param table    the table a 201 from this endpoint adds a row to; null: none
     * @param longPoll whether a call may wait (a lease): sent without waiting for its answer
     */
    private record Target(Api api, String path, String table, Map<String, String> valid, boolean longPoll) {
        Target(Api api, String path, String table, Map<String, String> valid) {
            this(api, path, table, valid, false);
        }
    }
}
