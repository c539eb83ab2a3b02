package dev.muster.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configurable limits (set small for the suite in {@link BackendsForTests}): each refused with 413 or 422 and a
 * problem document naming the field, nothing written; batch submission all or nothing; a log over its limit keeps
 * head and tail and says where bytes were dropped.
 */
class LimitsIT extends OnRealServer {

    /** As set for the suite in BackendsForTests. */
    private static final int LOG_LIMIT = 262_144;

    record Case(String name, String path, String body, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> overLimits() {
        String manyEnv = IntStream.range(0, 11).mapToObj(i -> "\"V" + i + "\":\"x\"").collect(Collectors.joining(","));
        return Stream.of(
                new Case("command bytes", "/api/v1/jobs", "{\"command\":\"" + "é".repeat(4097) + "\"}", 413, "command"),
                new Case("env entries", "/api/v1/jobs", "{\"command\":\"x\",\"env\":{" + manyEnv + "}}", 422, "env"),
                new Case("env bytes", "/api/v1/jobs", "{\"command\":\"x\",\"env\":{\"A\":\"" + "v".repeat(3000) + "\"}}", 413, "env"),
                new Case("labels", "/api/v1/jobs", "{\"command\":\"x\",\"labels\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", 422, "labels"),
                new Case("unknown workspace", "/api/v1/jobs", "{\"command\":\"x\",\"workspace\":\"no-such-workspace\"}", 422, "workspace"),
                new Case("batch jobs", "/api/v1/jobs/batch", batch(6, -1, null), 422, "jobs"),
                new Case("empty batch", "/api/v1/jobs/batch", "{\"jobs\":[]}", 422, "jobs"),
                new Case("batch command bytes", "/api/v1/jobs/batch", batch(3, 1, "\"command\":\"" + "x".repeat(9000) + "\""), 413, "jobs[1].command"),
                new Case("batch labels", "/api/v1/jobs/batch", batch(4, 3, "\"command\":\"x\",\"labels\":[\"a\",\"b\",\"c\",\"d\",\"e\"]"), 422, "jobs[3].labels"),
                new Case("batch blank command", "/api/v1/jobs/batch", batch(3, 2, "\"command\":\" \""), 400, "jobs[2].command"),
                new Case("batch bad priority", "/api/v1/jobs/batch", batch(3, 1, "\"command\":\"x\",\"priority\":12"), 400, "jobs[1].priority"),
                new Case("batch unknown workspace", "/api/v1/jobs/batch", batch(2, 1, "\"command\":\"x\",\"workspace\":\"gone\""), 422, "jobs[1].workspace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimits")
    void aLimitIsRefusedNamingTheFieldAndNothingIsWritten(Case refused) {
        long before = totalJobs();
        Api.Reply reply = api.post(refused.path(), refused.body());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(refused.status());
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("field", null)).as(reply.toString()).isEqualTo(refused.field());
        assertThat(problem.getString("detail")).startsWith(refused.field()).doesNotContain("Exception");
        assertThat(totalJobs()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aBatchIsSubmittedWholeAndItsIdempotencyKeysAreHonoured() {
        String pool = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "batch-" + UUID.randomUUID();
        String body = "{\"jobs\":[{\"command\":\"echo 1\",\"pool\":\"" + pool + "\",\"idempotencyKey\":\"" + key + "-1\"},"
                + "{\"command\":\"echo 2\",\"pool\":\"" + pool + "\"},"
                + "{\"command\":\"echo 3\",\"pool\":\"" + pool + "\",\"idempotencyKey\":\"" + key + "-3\"}]}";
        long before = totalJobs();

        Api.Reply first = api.post("/api/v1/jobs/batch", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonArray jobs = first.json().getJsonArray("jobs");
        assertThat(jobs).hasSize(3);
        assertThat(jobs.getJsonObject(1).getString("command")).isEqualTo("echo 2");
        assertThat(totalJobs()).isEqualTo(before + 3);

        String keyedOnly = "{\"jobs\":[{\"command\":\"echo 3\",\"pool\":\"" + pool + "\",\"idempotencyKey\":\"" + key + "-3\"},"
                + "{\"command\":\"echo 1\",\"pool\":\"" + pool + "\",\"idempotencyKey\":\"" + key + "-1\"}]}";
        Api.Reply again = api.post("/api/v1/jobs/batch", keyedOnly);
        assertThat(again.status()).as("every job a repeat: " + again).isEqualTo(200);
        assertThat(again.json().getJsonArray("jobs").getJsonObject(0).getString("id")).isEqualTo(jobs.getJsonObject(2).getString("id"));
        assertThat(again.json().getJsonArray("jobs").getJsonObject(1).getString("id")).isEqualTo(jobs.getJsonObject(0).getString("id"));
        assertThat(totalJobs()).isEqualTo(before + 3);

        Api.Reply clash = api.post("/api/v1/jobs/batch", "{\"jobs\":[{\"command\":\"echo new\",\"pool\":\"" + pool + "\"},"
                + "{\"command\":\"echo other\",\"pool\":\"" + pool + "\",\"idempotencyKey\":\"" + key + "-1\"}]}");
        assertThat(clash.status()).as(clash.toString()).isEqualTo(422);
        assertThat(clash.json().getString("field")).isEqualTo("jobs[1].idempotencyKey");
        assertThat(totalJobs()).as("the first job of a refused batch is not written either").isEqualTo(before + 3);
    }

    @Test
    void aLogOverItsLimitKeepsHeadAndTailAndMarksWhatWasDropped() {
        String pool = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String jobId = api.post("/api/v1/jobs", "{\"command\":\"yes\",\"pool\":\"" + pool + "\"}").json().getString("id");
        Worker worker = Worker.register(api, pool, "[]");
        JsonObject leased = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");

        int chunkBytes = 32 * 1024; // 20 chunks: 640 KiB against a limit of 256 KiB
        for (int batch = 0; batch < 4; batch++) {
            List<String> chunks = new ArrayList<>();
            for (int seq = batch * 5; seq < batch * 5 + 5; seq++) {
                chunks.add("{\"seq\":" + seq + ",\"stream\":\"stdout\",\"data\":\"" + json(chunk(seq, chunkBytes)) + "\"}");
            }
            assertThat(worker.log(attempt, token, "[" + String.join(",", chunks) + "]").status()).isEqualTo(204);
        }
        // a dropped chunk sent again does not come back
        assertThat(worker.log(attempt, token, "[{\"seq\":6,\"stream\":\"stdout\",\"data\":\"" + json(chunk(6, chunkBytes)) + "\"}]").status())
                .isEqualTo(204);
        assertThat(worker.complete(attempt, token, 0).status()).isEqualTo(200);

        String log = api.get("/api/v1/jobs/" + jobId + "/log").body();
        long dropped = 12L * chunkBytes; // the head keeps chunks 0-3 (half the limit), the tail 16-19
        String marker = "\n[muster: " + dropped + " bytes of log dropped]\n";
        assertThat(log).startsWith(chunk(0, chunkBytes) + chunk(1, chunkBytes))
                .endsWith(chunk(18, chunkBytes) + chunk(19, chunkBytes))
                .contains(chunk(3, chunkBytes) + marker + chunk(16, chunkBytes))
                .doesNotContain("chunk 4 ").doesNotContain("chunk 15 ");
        assertThat(log.length()).isLessThanOrEqualTo(LOG_LIMIT + marker.length());

        JsonObject page = api.get("/api/v1/jobs/" + jobId + "/log/chunks").json();
        assertThat(page.getJsonNumber("droppedBytes").longValue()).isEqualTo(dropped);
        assertThat(page.getJsonArray("chunks").stream().map(c -> c.asJsonObject().getInt("seq")).toList())
                .containsExactly(0, 1, 2, 3, 3, 16, 17, 18, 19);
        assertThat(page.getJsonArray("chunks").getJsonObject(4).getString("data")).isEqualTo(marker);
        JsonObject followed = api.get("/api/v1/jobs/" + jobId + "/log/chunks?after=16").json();
        assertThat(followed.getJsonArray("chunks").stream().map(c -> c.asJsonObject().getInt("seq")).toList())
                .as("a follower past the gap sees no marker").containsExactly(17, 18, 19);
    }

    /** A line of {@code bytes} ASCII bytes that says which chunk it is. */
    private static String chunk(int seq, int bytes) {
        String head = "chunk " + seq + " ";
        return head + "x".repeat(bytes - head.length() - 1) + "\n";
    }

    private static String json(String text) {
        return text.replace("\n", "\\n");
    }

    /** {@code count} valid jobs, the one at {@code odd} replaced by {@code oddFields}. */
    private static String batch(int count, int odd, String oddFields) {
        return "{\"jobs\":[" + IntStream.range(0, count)
                .mapToObj(i -> "{" + (i == odd ? oddFields : "\"command\":\"echo " + i + "\",\"pool\":\"limits-never-run\"") + "}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private long totalJobs() {
        return api.get("/api/v1/jobs?size=1").json().getJsonNumber("total").longValue();
    }
}
