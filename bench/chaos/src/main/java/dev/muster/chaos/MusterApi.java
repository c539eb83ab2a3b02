package dev.muster.chaos;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parts of the client API the harness uses (docs/protocol.md), against one or several instances: each call goes
 * to the next instance of an {@link InstanceRotation}, so calls spread across instances and a caller that retries
 * fails over. Every call is bounded: a dead server, or a request it took but never answered, is an IOException.
 */
final class MusterApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * The JDK client's own request timeout did not fire for requests sent while Payara was restarting (they waited
     * for minutes on an established, silent connection), so every call also has a deadline of its own.
     */
    private static final Duration HARD_LIMIT = TIMEOUT.plusSeconds(5);

    private final InstanceRotation instances;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    MusterApi(List<URI> instances) {
        this.instances = new InstanceRotation(instances);
    }

    /** {@code POST /api/v1/jobs} with an {@code Idempotency-Key}; the raw answer, whatever its status. */
    HttpResponse<String> submit(String json, String idempotencyKey) throws IOException, InterruptedException {
        return send(request("/api/v1/jobs")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code POST /api/v1/jobs/{id}/cancel}: 200 cancelled, 202 being cancelled, 409 already ended. */
    HttpResponse<String> cancel(String jobId) throws IOException, InterruptedException {
        return send(request("/api/v1/jobs/" + jobId + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonObject job(String jobId) throws IOException, InterruptedException {
        return getJson("/api/v1/jobs/" + jobId);
    }

    /** One page of a pool's jobs, newest first. */
    JsonObject page(String pool, int page, int size) throws IOException, InterruptedException {
        return getJson("/api/v1/jobs?pool=" + pool + "&page=" + page + "&size=" + size);
    }

    /** True when {@code /health/ready} of every instance answers 200 with the application's own check in it. */
    boolean ready() throws InterruptedException {
        for (URI instance : instances.all()) {
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(instance.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build());
                if (response.statusCode() != 200 || !response.body().contains("\"muster\"")) {
                    return false;
                }
            } catch (IOException notReady) {
                return false;
            }
        }
        return true;
    }

    /** Polls readiness until it is UP everywhere or {@code limit} has passed; true when it came up. */
    boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (ready()) {
                return true;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    /** Sends to the instance the request names; a failure or a server error makes the rotation skip it a while. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        URI instance = URI.create(request.uri().getScheme() + "://" + request.uri().getRawAuthority());
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> answer = response.get(HARD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.statusCode() >= 500) {
                instances.failed(instance);
            }
            return answer;
        } catch (TimeoutException e) {
            response.cancel(true);
            instances.failed(instance);
            throw new HttpTimeoutException("no answer in " + HARD_LIMIT.toSeconds() + " s: " + request.method() + " " + request.uri());
        } catch (ExecutionException e) {
            instances.failed(instance);
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** A request to the next instance of the rotation. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(instances.next().resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + ChaosCredentials.ADMIN_TOKEN);
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
