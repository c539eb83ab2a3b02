package dev.muster.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The credentials a benchmark uses. A server the benchmark starts itself gets them as bootstrap settings; against a
 * running server, pass that server's: {@code MUSTER_TOKEN} (an admin or operator API token) and
 * {@code MUSTER_ENROLMENT_TOKEN}, as for the CLI.
 */
final class BenchCredentials {

    static final String TOKEN = env("MUSTER_TOKEN", "mst_api_bench-admin-7d3f1a9c5e2b");
    static final String ENROLMENT_TOKEN = env("MUSTER_ENROLMENT_TOKEN", "mst_enr_bench-enrolment-2b6e8a4c1f9d");
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private BenchCredentials() {
    }

    /** For a muster-server.jar the benchmark starts. */
    static Map<String, String> serverEnvironment() {
        return Map.of("MUSTER_BOOTSTRAP_TOKEN", TOKEN, "MUSTER_BOOTSTRAP_ENROLMENT_TOKEN", ENROLMENT_TOKEN,
                "MUSTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** For a worker or CLI process the benchmark starts. */
    static Map<String, String> clientEnvironment() {
        return Map.of("MUSTER_TOKEN", TOKEN, "MUSTER_ENROLMENT_TOKEN", ENROLMENT_TOKEN);
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + TOKEN);
    }

    /** Logs {@code http} (which must keep cookies) in to the console as the bootstrap admin. */
    static void logIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD
                                + "&next=/console/", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("failed")) {
            throw new IllegalStateException("console login failed: " + answer.statusCode() + " " + location);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
