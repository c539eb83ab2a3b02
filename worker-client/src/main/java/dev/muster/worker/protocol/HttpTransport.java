package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;

/**
 * Sends {@link ApiRequest}s to the first server of a {@link ServerList} that answers, retrying connection
 * errors and 5xx answers with backoff and failing over to the next server on each failure. 4xx answers are
 * not retried: they become a {@link ProblemException} carrying the server's detail.
 *
 * <p>A transport made with an API token sends it as {@code Authorization: Bearer} on every call that does not
 * bring its own (worker calls carry the worker's secret, registration the enrolment token). Tokens are never
 * part of a message or a log line.
 *
 * <p>Retries sleep on the calling thread; interrupting it ends them with a {@link CancellationException}
 * (and the interrupt flag set), which is how a stopping worker abandons a call to a dead server.
 */
public final class HttpTransport {

    private final ServerList servers;
    private final RetryPolicy retry;
    private final HttpClient client;
    private final String token;

    public HttpTransport(ServerList servers, RetryPolicy retry) {
        this(servers, retry, (SSLContext) null, null);
    }

    /**
     * @param tls trust for {@code https} servers; null for the JDK's default trust store
     * @param token the API token sent on calls without their own bearer; null for none
     */
    public HttpTransport(ServerList servers, RetryPolicy retry, SSLContext tls, String token) {
        this(servers, retry, httpClient(tls), token);
    }

    private HttpTransport(ServerList servers, RetryPolicy retry, HttpClient client, String token) {
        this.servers = servers;
        this.retry = retry;
        this.client = client;
        this.token = token;
    }

    private static HttpClient httpClient(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /** The same servers and connections with another retry policy, e.g. a bounded one for a last call. */
    public HttpTransport withRetry(RetryPolicy otherRetry) {
        return new HttpTransport(servers, otherRetry, client, token);
    }

    ApiResponse send(ApiRequest request) {
        return withRetries(server -> sendOnce(server, request));
    }

    /**
     * Writes a 2xx answer's body to {@code target} (replaced on each try), at most {@code maxBytes} of it, and
     * returns its size. Interrupting the calling thread cancels the download (the JDK's client aborts the exchange)
     * and ends it with a {@link CancellationException}.
     */
    long download(ApiRequest request, Path target, long maxBytes, LongConsumer progress) {
        return withRetries(server -> downloadOnce(server, request, target, maxBytes, progress));
    }

    private <T> T withRetries(Try<T> once) {
        for (int tries = 1; ; tries++) {
            URI server = servers.current();
            try {
                return once.at(server);
            } catch (RetryableFailure failure) {
                servers.failedOver(server);
                if (!retry.allowsAnotherTry(tries)) {
                    throw failure.toException(server);
                }
                pause(retry.backoff().delay(tries - 1));
            }
        }
    }

    /** One try at one server. */
    private interface Try<T> {
        T at(URI server) throws RetryableFailure;
    }

    private ApiResponse sendOnce(URI server, ApiRequest request) throws RetryableFailure {
        HttpResponse<String> answer = exchange(server, request, BodyHandlers.ofString());
        ApiResponse response = new ApiResponse(answer.statusCode(), answer.body(), contentType(answer));
        refuseErrors(response);
        return response;
    }

    private long downloadOnce(URI server, ApiRequest request, Path target, long maxBytes, LongConsumer progress)
            throws RetryableFailure {
        HttpResponse<ApiResponse> answer = exchange(server, request, info -> {
            String type = info.headers().firstValue("Content-Type").orElse("");
            if (info.statusCode() / 100 == 2) {
                return BodySubscribers.mapping(new FileBodySubscriber(target, maxBytes, progress),
                        size -> new ApiResponse(info.statusCode(), Long.toString(size), type));
            }
            return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8),
                    text -> new ApiResponse(info.statusCode(), text, type));
        });
        refuseErrors(answer.body());
        if (answer.statusCode() / 100 != 2) {
            throw answer.body().toProblem(); // a 1xx or 3xx the client did not follow: not a download
        }
        return Long.parseLong(answer.body().body());
    }

    private static String contentType(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    private <T> HttpResponse<T> exchange(URI server, ApiRequest request, HttpResponse.BodyHandler<T> handler)
            throws RetryableFailure {
        try {
            return client.send(toHttp(server, request), handler);
        } catch (IOException e) {
            throw new RetryableFailure(reason(e), e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while calling " + server);
        }
    }

    private static void refuseErrors(ApiResponse response) throws RetryableFailure {
        if (response.status() >= 500) {
            throw new RetryableFailure("HTTP " + response.status(), null, response);
        }
        if (response.status() == 404 && !response.isProblem()) {
            // Not Muster's answer (Muster refuses with application/problem+json): a server still deploying the
            // application after a restart, or a proxy in front of one that is gone. Like a refused connection.
            throw new RetryableFailure("HTTP 404 from something that is not (yet) Muster", null, response);
        }
        if (response.status() >= 400) {
            throw response.toProblem();
        }
    }

    private HttpRequest toHttp(URI server, ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(servers.resolve(server, request.path()))
                .timeout(request.timeout())
                .header("Accept", "application/json, application/problem+json");
        String bearer = request.bearer() != null ? request.bearer() : token;
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        request.headers().forEach(builder::header);
        if (request.upload() != null) {
            Upload upload = request.upload();
            builder.header("Content-Type", upload.contentType()).method(request.method(),
                    BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(upload::open), upload.length()));
        } else if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), BodyPublishers.ofString(request.body().toString()));
        } else {
            builder.method(request.method(), BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to retry");
        }
    }

    /** A human reason such as "connection refused", never a class name. */
    static String reason(Throwable error) {
        if (error instanceof HttpTimeoutException) {
            return "timed out";
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String message = t.getMessage();
                return Character.toLowerCase(message.charAt(0)) + message.substring(1);
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return error.getClass().getSimpleName();
    }

    /** A connection error or 5xx: worth another try, possibly on another server. */
    private static final class RetryableFailure extends Exception {

        private final transient ApiResponse serverError;

        RetryableFailure(String reason, Throwable cause, ApiResponse serverError) {
            super(reason, cause, false, false);
            this.serverError = serverError;
        }

        RuntimeException toException(URI server) {
            if (serverError != null && serverError.isProblem()) {
                return serverError.toProblem();
            }
            return new ServerUnreachableException(server, getMessage(), getCause());
        }
    }

    /** Parses a JSON answer; anything else means the URL is not a Muster server (or a proxy answered). */
    static JsonObject json(ApiResponse response) {
        try {
            return JsonFields.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(response.status(), "Unexpected answer",
                    "the server's answer is not Muster's API: " + e.getMessage(), null);
        }
    }
}
