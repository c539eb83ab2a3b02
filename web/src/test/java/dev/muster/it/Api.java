package dev.muster.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A black-box client of the Muster HTTP API for the integration tests. */
final class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // see Readiness
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final URI root;
    /** Sent when a call names no bearer token of its own; null for none. */
    private final String defaultBearer;

    /**
     * Payara reports its URL with the machine's address, but the tests bind it to loopback: keep port and context
     * root, talk to 127.0.0.1.
     */
    Api(URL base) {
        this(URI.create("http://127.0.0.1:" + base.getPort() + base.getPath().replaceAll("/$", "")),
                URI.create("http://127.0.0.1:" + base.getPort()), Credentials.ADMIN_TOKEN);
    }

    private Api(URI base, URI root, String defaultBearer) {
        this.base = base;
        this.root = root;
        this.defaultBearer = defaultBearer;
    }

    /** The same server, calling with {@code token} (null: anonymously) where a call names no token of its own. */
    Api as(String token) {
        return new Api(base, root, token);
    }

    /**
     * Waits until the application answers: the connector reports a deployment as soon as Payara logs it, which can
     * be a moment before requests are served.
     */
    Api awaitReady() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> getFromServerRoot("/health/ready").status() == 200);
        return this;
    }

    /** Server-level endpoints (health) live outside the application's context root. */
    Reply getFromServerRoot(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET(), null);
    }

    /** The management listener (metrics), on its own port. */
    Reply getFromManagement(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("muster.it.managementPort")
                + path)).GET(), null);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    Reply post(String path, String json) {
        return post(path, json, null);
    }

    Reply post(String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, bearer);
    }

    Reply postWithIdempotencyKey(String path, String json, String key) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)), null);
    }

    Reply delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), bearer);
    }

    Reply postGzip(String path, String json, String bearer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
        return send(request, bearer);
    }

    /** An already gzipped JSON body, e.g. a gzip bomb. */
    Reply postGzipBytes(String path, byte[] gzipped) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)), null);
    }

    /** As {@link #send(String, String, byte[], String)}, without waiting: for calls that may long-poll. */
    java.util.concurrent.CompletableFuture<Reply> sendAsync(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (defaultBearer != null) {
            request.header("Authorization", "Bearer " + defaultBearer);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Location").orElse(null), response.body(), response.headers().map()));
    }

    /** Any method, any bytes: for the security and fuzzing tests. */
    Reply send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, null);
    }

    /** The absolute address of a path of the application, e.g. a page to open in a browser. */
    String url(String path) {
        return uri(path).toString();
    }

    /** A body that is not JSON, e.g. a workspace upload ({@code application/zip}). */
    Reply postBytes(String path, String contentType, byte[] body, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), bearer);
    }

    /** A GET whose answer is bytes (a workspace download), with one extra request header. */
    Download download(String path, String header, String value, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (value != null) {
            request.header(header, value);
        }
        String token = bearer != null ? bearer : defaultBearer; // the same credentials as send() gives
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request, String bearer) {
        String token = bearer != null ? bearer : defaultBearer;
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, byte[] body) {
    }

    record Reply(int status, String contentType, String location, String body, java.util.Map<String, java.util.List<String>> headers) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
