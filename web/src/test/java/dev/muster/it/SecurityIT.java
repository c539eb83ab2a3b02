package dev.muster.it;

import dev.muster.security.boundary.AccessInventoryTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Authentication and authorisation on a real server: every endpoint refuses anonymous callers, each role may do
 * exactly its part, workers act only as themselves, and revocation takes effect at once.
 */
class SecurityIT extends OnRealServer {

    Api admin;

    @BeforeEach
    void connect() {
        admin = new Api(base).awaitReady();
    }

    @Test
    void everyApiEndpointRefusesAnonymousCallersWithProblemJson() throws Exception {
        Api anonymous = admin.as(null);
        List<AccessInventoryTest.Endpoint> endpoints = AccessInventoryTest.endpoints();
        assertSoftly(softly -> {
            for (AccessInventoryTest.Endpoint endpoint : endpoints) {
                String path = "/api/" + endpoint.path().replaceAll("\\{[^}]+}", "x");
                byte[] body = List.of("POST", "PUT").contains(endpoint.httpMethod()) ? "{}".getBytes(StandardCharsets.UTF_8) : null;
                Api.Reply reply = anonymous.send(endpoint.httpMethod(), path, body, body == null ? null : consumes(endpoint));
                softly.assertThat(reply.status()).as(endpoint + " anonymously: " + reply).isEqualTo(401);
                softly.assertThat(reply.contentType()).as(endpoint.toString()).startsWith("application/problem+json");
                softly.assertThat(reply.headers()).as(endpoint.toString()).containsKey("www-authenticate");
            }
        });
        assertThat(endpoints).hasSizeGreaterThan(20);
    }

    @Test
    void onlyHealthTheWorkerPageAndTheLoginPageAreOpenOutsideTheApi() {
        Api anonymous = admin.as(null);
        assertThat(anonymous.getFromServerRoot("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/worker/").status()).isEqualTo(200);
        assertThat(anonymous.get("/worker/api.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/login.html").status()).isEqualTo(200);
        Api.Reply console = anonymous.get("/console/jobs.xhtml");
        assertThat(console.status()).as(console.toString()).isEqualTo(302);
        assertThat(console.location()).contains("/login.html?next=");
        assertThat(anonymous.get("/console/log-feed?job=x").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/jobs").body()).doesNotContain("Exception").doesNotContain("at dev.muster");
    }

    /** A request asking to upgrade to cleartext HTTP/2 could deadlock Payara's HTTP threads: the upgrade is off. */
    @Test
    void anH2cUpgradeRequestIsAnsweredInHttp11() throws Exception {
        java.net.http.HttpClient http2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 5; i++) {
            java.net.http.HttpResponse<String> response = http2.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(admin.url("/login.html"))).timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void aBadOrRevokedTokenIsRefusedAndAGoodOneRecordsItsLastUse() {
        assertThat(admin.as("mst_api_not-a-token").get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(admin.as("mst_api_not-a-token").get("/api/v1/jobs").json().getString("detail"))
                .contains("unknown, revoked or expired");
        JsonObject token = createToken("viewer");
        Api viewer = admin.as(token.getString("token"));
        assertThat(viewer.get("/api/v1/jobs").status()).isEqualTo(200);
        JsonObject listed = listed("/api/v1/tokens", token.getString("id"));
        assertThat(listed.containsKey("token")).as("a listed token never shows its secret").isFalse();
        assertThat(listed.get("lastUsedAt").toString()).isNotEqualTo("null");

        assertThat(admin.delete("/api/v1/tokens/" + token.getString("id"), null).status()).isEqualTo(204);
        assertThat(viewer.get("/api/v1/jobs").status()).as("revoked: refused at once").isEqualTo(401);
        assertThat(admin.delete("/api/v1/tokens/" + token.getString("id"), null).status()).as("idempotent").isEqualTo(204);
    }

    @Test
    void eachRoleMayDoExactlyItsPart() {
        Map<String, Api> callers = new LinkedHashMap<>();
        for (String role : List.of("viewer", "operator", "admin")) {
            callers.put(role, admin.as(createToken(role).getString("token")));
        }
        String pool = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Function<Api, Integer>> actions = new LinkedHashMap<>();
        actions.put("list jobs", api -> api.get("/api/v1/jobs").status());
        actions.put("read stats", api -> api.get("/api/v1/stats").status());
        actions.put("list dead letters", api -> api.get("/api/v1/dead-letters").status());
        actions.put("submit", api -> api.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"" + pool + "\"}").status());
        actions.put("cancel", api -> api.post("/api/v1/jobs/" + submitted(pool) + "/cancel", "").status());
        actions.put("drain a worker", api -> api.post("/api/v1/workers/" + Worker.register(admin, pool, "[]").id() + "/drain", "").status());
        actions.put("revoke a worker", api -> api.post("/api/v1/workers/" + Worker.register(admin, pool, "[]").id() + "/revoke", "").status());
        actions.put("list tokens", api -> api.get("/api/v1/tokens").status());
        actions.put("create a token", api -> api.post("/api/v1/tokens", "{\"name\":\"m\",\"role\":\"viewer\"}").status());
        actions.put("list enrolment tokens", api -> api.get("/api/v1/enrolment-tokens").status());
        actions.put("list users", api -> api.get("/api/v1/users").status());
        Map<String, String> least = Map.ofEntries(Map.entry("list jobs", "viewer"), Map.entry("read stats", "viewer"),
                Map.entry("list dead letters", "viewer"), Map.entry("submit", "operator"), Map.entry("cancel", "operator"),
                Map.entry("drain a worker", "operator"), Map.entry("revoke a worker", "admin"),
                Map.entry("list tokens", "admin"), Map.entry("create a token", "admin"),
                Map.entry("list enrolment tokens", "admin"), Map.entry("list users", "admin"));
        List<String> order = List.of("viewer", "operator", "admin");
        assertSoftly(softly -> actions.forEach((action, call) -> callers.forEach((role, api) -> {
            int status = call.apply(api);
            boolean allowed = order.indexOf(role) >= order.indexOf(least.get(action));
            if (allowed) {
                softly.assertThat(status).as(role + " may " + action).isBetween(200, 299);
            } else {
                softly.assertThat(status).as(role + " may not " + action).isEqualTo(403);
            }
        })));
    }

    @Test
    void aWorkerActsOnlyAsItselfAndARevokedWorkerIsRefusedAtOnce() {
        String pool = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        Worker first = Worker.register(admin, pool, "[]");
        Worker second = Worker.register(admin, pool, "[]");
        String jobId = submitted(pool);
        JsonObject leased = first.lease(1, 5).getJsonArray("jobs").getJsonObject(0);
        String attempt = leased.getString("attemptId");
        String leaseToken = leased.getString("leaseToken");

        // The second worker's secret on the first worker's paths.
        Api asSecond = admin.as(second.secret());
        assertThat(asSecond.post("/api/v1/workers/" + first.id() + "/attempts/" + attempt + "/complete",
                "{\"leaseToken\":\"" + leaseToken + "\",\"outcome\":\"exited\",\"exitCode\":0,\"durationMs\":5}").status()).isEqualTo(403);
        assertThat(asSecond.post("/api/v1/workers/" + first.id() + "/heartbeat", "{\"attempts\":[]}").status()).isEqualTo(403);
        assertThat(asSecond.post("/api/v1/workers/" + first.id() + "/lease", "{\"slots\":1,\"waitSeconds\":0}").status()).isEqualTo(403);
        // Its own path, the other's attempt: fenced by the lease.
        assertThat(second.complete(attempt, leaseToken, 0).status()).isEqualTo(409);
        // A worker is not a user.
        assertThat(asSecond.get("/api/v1/jobs").status()).isEqualTo(403);
        assertThat(asSecond.post("/api/v1/jobs", "{\"command\":\"true\"}").status()).isEqualTo(403);

        assertThat(admin.post("/api/v1/workers/" + first.id() + "/revoke", "").status()).isEqualTo(204);
        Api.Reply refused = first.complete(attempt, leaseToken, 0);
        assertThat(refused.status()).as("revoked: refused at once, and told so").isEqualTo(403);
        assertThat(refused.json().getString("detail")).contains("revoked");
        assertThat(admin.as(first.secret()).post("/api/v1/workers/" + first.id() + "/lease", "{\"slots\":1,\"waitSeconds\":0}")
                .status()).isEqualTo(403);
        JsonObject job = admin.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.getString("state")).as("its lease ended: the job is queued again").isEqualTo("QUEUED");
    }

    @Test
    void anEnrolmentAdmitsOnlyItsPoolsAndLabelsAndStopsWhenRevoked() {
        Api.Reply created = admin.post("/api/v1/enrolment-tokens",
                "{\"name\":\"build-boxes\",\"pools\":[\"build\"],\"labels\":[\"linux\"],\"expiresInSeconds\":3600}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().getString("token");
        assertThat(token).startsWith("mst_enr_");
        String registration = "{\"name\":\"box\",\"slots\":1,\"pool\":\"%s\",\"labels\":%s}";
        assertThat(admin.post("/api/v1/workers", registration.formatted("build", "[\"linux\"]"), token).status()).isEqualTo(201);
        Api.Reply otherPool = admin.post("/api/v1/workers", registration.formatted("default", "[]"), token);
        assertThat(otherPool.status()).isEqualTo(403);
        assertThat(otherPool.json().getString("field")).isEqualTo("pool");
        assertThat(admin.post("/api/v1/workers", registration.formatted("build", "[\"gpu\"]"), token).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/workers", registration.formatted("build", "[]"), Credentials.ADMIN_TOKEN).status())
                .as("an admin token is not an enrolment").isEqualTo(403);

        assertThat(admin.delete("/api/v1/enrolment-tokens/" + created.json().getString("id"), null).status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/workers", registration.formatted("build", "[]"), token).status()).isEqualTo(401);
    }

    @Test
    void usersLogInToTheConsoleWithTheirPasswordOnly() {
        Api.Reply user = admin.post("/api/v1/users", "{\"name\":\"vera\",\"password\":\"vera-password-1\",\"role\":\"viewer\"}");
        assertThat(user.status()).as(user.toString()).isIn(201, 409);
        assertThat(admin.post("/api/v1/users", "{\"name\":\"shorty\",\"password\":\"short\",\"role\":\"viewer\"}").status())
                .isEqualTo(422);
        Api anonymous = admin.as(null);
        Api.Reply wrong = anonymous.send("POST", "/login", "username=vera&password=nope&next=/console/".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.location()).contains("/login.html?failed");
        Api.Reply right = anonymous.send("POST", "/login", "username=vera&password=vera-password-1&next=/console/jobs.xhtml".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.location()).endsWith("/console/jobs.xhtml");
        assertThat(right.headers().get("set-cookie")).anySatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(admin.post("/api/v1/users", "{\"name\":\"admin\",\"password\":\"whatever-123\",\"role\":\"viewer\"}").status())
                .isEqualTo(409);
        assertThat(admin.delete("/api/v1/users/admin", null).status()).as("the last admin stays").isEqualTo(409);
    }

    /** The media type the endpoint takes, so that the request reaches it (and its access rule) at all. */
    private static String consumes(AccessInventoryTest.Endpoint endpoint) {
        jakarta.ws.rs.Consumes consumes = endpoint.method().getAnnotation(jakarta.ws.rs.Consumes.class);
        if (consumes == null) {
            consumes = endpoint.method().getDeclaringClass().getAnnotation(jakarta.ws.rs.Consumes.class);
        }
        return consumes == null ? "application/json" : consumes.value()[0];
    }

    private JsonObject createToken(String role) {
        Api.Reply reply = admin.post("/api/v1/tokens", "{\"name\":\"it-" + role + "\",\"role\":\"" + role + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("token")).startsWith("mst_api_");
        return reply.json();
    }

    private JsonObject listed(String path, String id) {
        return admin.get(path).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private String submitted(String pool) {
        Api.Reply reply = admin.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"" + pool + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }
}
