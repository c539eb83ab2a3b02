package dev.muster.worker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    @Test
    void readsAJobAsTheProtocolDescribesIt() {
        Job job = Job.fromJson(JsonFields.parse("""
                {"id": "5f0c", "kind": "shell", "command": "echo hi", "pool": "default", "labels": ["linux"],
                 "priority": 4, "state": "FAILED", "exitCode": 3, "attempts": 1,
                 "timeoutSeconds": null, "submittedAt": "2026-11-23T10:00:00Z", "startedAt": "2026-11-23T10:00:01Z",
                 "finishedAt": "2026-11-23T10:00:02.500Z", "workerId": "w1", "future": {"x": 1},
                 "links": {"self": "/api/v1/jobs/5f0c", "log": "/api/v1/jobs/5f0c/log"}}"""));

        assertThat(job.id()).isEqualTo("5f0c");
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.exitCode()).isEqualTo(3);
        assertThat(job.timeoutSeconds()).isNull();
        assertThat(job.labels()).containsExactly("linux");
        assertThat(job.submittedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(job.runTime()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void unknownStatesDoNotBreakReading() {
        assertThat(Job.fromJson(JsonFields.parse("{\"id\": \"x\", \"state\": \"PAUSED\"}")).state())
                .isEqualTo(JobState.UNKNOWN);
    }

    @Test
    void readsALeasedJob() {
        LeasedJob job = LeasedJob.fromJson(JsonFields.parse("""
                {"jobId": "j", "attemptId": "a", "leaseToken": "t", "leaseExpiresAt": "2026-11-23T10:01:00Z",
                 "command": "make", "env": {"K": "V"}, "timeoutSeconds": 600}"""));

        assertThat(job.lease()).isEqualTo(new AttemptLease("a", "t"));
        assertThat(job.env()).isEqualTo(Map.of("K", "V"));
        assertThat(job.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(LeasedJob.fromJson(JsonFields.parse("{\"jobId\":\"j\",\"timeoutSeconds\":null}")).timeout()).isNull();
    }

    @Test
    void writesCompletionsWithOnlyTheFieldsThatApply() {
        assertThat(JsonFields.parse(Completion.exited(3, Duration.ofMillis(1234)).toJson("t").toString()))
                .isEqualTo(JsonFields.parse("{\"leaseToken\":\"t\",\"outcome\":\"exited\",\"durationMs\":1234,\"exitCode\":3}"));
        assertThat(Completion.of(Completion.Outcome.TIMED_OUT, Duration.ZERO, null).toJson("t").toString())
                .contains("\"outcome\":\"timed_out\"").doesNotContain("exitCode").doesNotContain("detail");
        assertThat(Completion.of(Completion.Outcome.ERROR, Duration.ZERO, "no sh").toJson("t").getString("detail"))
                .isEqualTo("no sh");
    }

    @Test
    void namesEveryOutcomeAsTheServerExpectsIt() {
        assertThat(Completion.Outcome.values()).extracting(Completion.Outcome::wireName)
                .containsExactly("exited", "timed_out", "cancelled", "error", "abandoned");
        assertThat(Completion.of(Completion.Outcome.ABANDONED, Duration.ofMillis(5), "worker shut down").toJson("t"))
                .isEqualTo(JsonFields.parse("""
                        {"leaseToken":"t","outcome":"abandoned","durationMs":5,"detail":"worker shut down"}"""));
    }

    @Test
    void writesTheRetrySettingsOfASubmissionButNeverAnIdempotencyKey() {
        JobSubmission submission = new JobSubmission("x", null, null, null, null, null,
                new JobSubmission.Retry(5, List.of(75, 76), 0));

        assertThat(JsonFields.parse(submission.toJson().toString())).isEqualTo(JsonFields.parse("""
                {"command":"x","kind":"shell","maxAttempts":5,"retryOnExitCodes":[75,76],"retryBackoffSeconds":0}"""));
        assertThat(new JobSubmission("x", null, null, null, null, null, new JobSubmission.Retry(null, List.of(), null))
                .toJson()).isEqualTo(new JobSubmission("x", null, null, null, null, null).toJson());
    }

    @Test
    void readsWhyAJobEndedAndHowOftenItMayRun() {
        Job job = Job.fromJson(JsonFields.parse("""
                {"id": "5f0c", "state": "FAILED", "reason": "worker-lost", "exitCode": null, "attempts": 3,
                 "maxAttempts": 3, "retryOnExitCodes": [], "retryBackoffSeconds": 5, "cancelRequested": true,
                 "deadLettered": true}"""));
        Job old = Job.fromJson(JsonFields.parse("{\"id\": \"x\", \"state\": \"SUCCEEDED\", \"attempts\": 1}"));

        assertThat(job.reason()).isEqualTo("worker-lost");
        assertThat(job.maxAttempts()).isEqualTo(3);
        assertThat(job.cancelRequested()).isTrue();
        assertThat(old.reason()).isNull();
        assertThat(old.maxAttempts()).isNull();
        assertThat(old.cancelRequested()).isFalse();
    }

    @Test
    void writesASubmissionWithoutTheDefaultsItLeavesToTheServer() {
        assertThat(new JobSubmission("echo hi", null, null, null, null, null).toJson().toString())
                .isEqualTo("{\"command\":\"echo hi\",\"kind\":\"shell\"}");
        assertThat(JsonFields.parse(new JobSubmission("x", "build", List.of("linux"), 9, 60, Map.of("K", "V"))
                .toJson().toString()))
                .isEqualTo(JsonFields.parse("""
                        {"command":"x","kind":"shell","pool":"build","labels":["linux"],"priority":9,
                         "timeoutSeconds":60,"env":{"K":"V"}}"""));
    }

    @Test
    void readsChunkPagesAndLogChunksBothWays() {
        ChunkPage page = ChunkPage.fromJson(JsonFields.parse("""
                {"jobId":"j","state":"RUNNING","exitCode":null,"attempt":1,
                 "chunks":[{"seq":4,"stream":"stdout","data":"a"},{"seq":5,"stream":"stderr","data":"b"}]}"""));

        assertThat(page.chunks()).containsExactly(new LogChunk(4, LogStream.STDOUT, "a"), new LogChunk(5, LogStream.STDERR, "b"));
        assertThat(page.lastSeq(-1)).isEqualTo(5);
        assertThat(LogChunk.fromJson(new LogChunk(7, LogStream.STDERR, "ü\n").toJson()))
                .isEqualTo(new LogChunk(7, LogStream.STDERR, "ü\n"));
    }

    @Test
    void readsRegistrationAndHeartbeatAnswers() {
        WorkerCredentials credentials = WorkerCredentials.fromJson(JsonFields.parse(
                "{\"workerId\":\"w\",\"secret\":\"s\",\"leaseSeconds\":60,\"heartbeatSeconds\":10}"));
        HeartbeatReply reply = HeartbeatReply.fromJson(JsonFields.parse("{\"cancel\":[\"a1\"],\"stale\":[]}"));

        assertThat(credentials).isEqualTo(new WorkerCredentials("w", "s", Duration.ofSeconds(60), Duration.ofSeconds(10)));
        assertThat(reply.cancel()).containsExactly("a1");
        assertThat(reply.stale()).isEmpty();
    }

    @Test
    void turnsProblemJsonIntoATypedErrorWithTheServersDetail() {
        ProblemException problem = new ApiResponse(400,
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"command: must not be blank\",\"field\":\"command\"}",
                "application/problem+json").toProblem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo("command");
        assertThat(problem.getMessage()).isEqualTo("command: must not be blank");
        assertThat(new ApiResponse(404, "<html>nope</html>", "text/html").toProblem().getMessage())
                .isEqualTo("<html>nope</html>");
    }
}
