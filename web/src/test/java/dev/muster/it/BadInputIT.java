package dev.muster.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem document naming what is wrong, never a 500, and creates nothing. */
class BadInputIT extends OnRealServer {

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
            "POST | /api/v1/jobs    | {\"command\": \"echo   | 400 | ",
            "POST | /api/v1/jobs    | {}                     | 400 | command",
            "POST | /api/v1/jobs    | {\"command\": \"  \"}    | 400 | command",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"priority\": \"high\"} | 400 | priority",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"priority\": 12} | 400 | priority",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"pool\": \"../etc\"} | 400 | pool",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"labels\": [\"ok\", \"no way\"]} | 400 | labels[1]",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"env\": {\"1BAD\": \"v\"}} | 400 | env[1BAD]",
            "POST | /api/v1/jobs    | {\"comand\": \"x\"}      | 400 | comand",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"labels\": [null]} | 400 | labels[0]",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"labels\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]} | 400 | labels",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"env\": {\"A\": null}} | 400 | env[A]",
            "POST | /api/v1/jobs    | {\"command\": \"echo \\u0000\"} | 400 | command",
            "GET  | /api/v1/jobs?page=x |                    | 400 | page",
            "GET  | /api/v1/jobs?page=99999999 |             | 400 | page",
            "GET  | /api/v1/jobs/x/log/chunks?after=z |      | 400 | after",
            "POST | /api/v1/jobs    | [1, 2]                 | 400 | ",
            "POST | /api/v1/workers | {\"name\": \"w\", \"slots\": -1} | 400 | slots",
            "POST | /api/v1/workers | {\"name\": \"w\", \"slots\": \"many\"} | 400 | slots",
            "GET  | /api/v1/jobs/no-such-job |               | 404 | ",
            "GET  | /api/v1/jobs?state=DONE |                | 400 | state",
            "GET  | /api/v1/jobs?size=1000 |                 | 400 | size",
            "POST | /api/v1/workers/nobody/lease | {\"slots\": 1} | 403 | ",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"maxAttempts\": 0} | 400 | maxAttempts",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"retryOnExitCodes\": [3, 256]} | 400 | retryOnExitCodes[1]",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"retryOnExitCodes\": 3} | 400 | retryOnExitCodes",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"retryBackoffSeconds\": -1} | 400 | retryBackoffSeconds",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"idempotencyKey\": \"with space\"} | 400 | idempotencyKey",
            "POST | /api/v1/jobs/no-such-job/cancel |     | 404 | ",
            "GET  | /api/v1/dead-letters?size=0 |         | 400 | size",
            "POST | /api/v1/jobs    | {\"kind\": \"python\", \"command\": \"x\"} | 400 | kind",
            "POST | /api/v1/jobs    | {\"kind\": \"js\", \"input\": {}} | 400 | script",
            "POST | /api/v1/jobs    | {\"kind\": \"js\", \"script\": \"export default () => 1\", \"command\": \"x\"} | 400 | command",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"script\": \"export default () => 1\"} | 400 | script",
            "POST | /api/v1/jobs    | {\"command\": \"x\", \"input\": [1]} | 400 | input",
            "POST | /api/v1/jobs    | {\"kind\": \"js\", \"script\": \"export default () => 1\", \"env\": {\"A\": \"b\"}} | 400 | env",
            "POST | /api/v1/workers | {\"name\": \"w\", \"slots\": 1, \"jobKinds\": [\"cobol\"]} | 400 | jobKinds[0]",
            "POST | /api/v1/workers | {\"name\": \"w\", \"slots\": 1, \"kind\": \"phone\"} | 400 | kind",
    })
    void isRefusedWithAProblemDocument(String method, String path, String body, int status, String field) {
        long jobsBefore = totalJobs();
        // Registration takes an enrolment token; everything else here the admin token.
        Api caller = path.equals("/api/v1/workers") ? api.as(Credentials.ENROLMENT_TOKEN) : api;
        Api.Reply reply = "GET".equals(method) ? caller.get(path) : caller.post(path, body == null ? "" : body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(problem.getString("field", null)).as(reply.toString()).isEqualTo(field);
        }
        assertThat(totalJobs()).as("a refused request creates no job").isEqualTo(jobsBefore);
    }

    @org.junit.jupiter.api.Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"command\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        Api.Reply reply = api.post("/api/v1/jobs", huge);
        assertThat(reply.status()).as(reply.status() + " " + reply.contentType()).isEqualTo(413);
        assertThat(reply.json().getString("detail")).contains("larger than");
    }

    private long totalJobs() {
        return api.get("/api/v1/jobs?size=1").json().getJsonNumber("total").longValue();
    }
}
