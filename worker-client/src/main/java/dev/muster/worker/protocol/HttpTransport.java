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
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Sends {@link ApiRequest}s to the first server of a {@link ServerList} that answers, retrying connection
 * errors and 5xx answers with backoff and failing over to the next server on each failure. 4xx answers are
 * not retried: they become a {@link ProblemException} carrying the server's detail.
 *
 * <p>Retries sleep on the calling thread; interrupting it ends them with a {@link CancellationException}
 * (and the interrupt flag set), which is how a stopping worker abandons a call to a dead server.
 */
public final class HttpTransport {

    private final ServerList servers;
    private final RetryPolicy retry;
    private final HttpClient client;

    public HttpTransport(ServerList servers, RetryPolicy retry) {
        this(servers, retry, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    private HttpTransport(ServerList servers, RetryPolicy retry, HttpClient client) {
        this.servers = servers;
        this.retry = retry;
        this.client = client;
    }

    /** The same servers and connections with another retry policy, e.g. a bounded one for a last call. */
    public HttpTransport withRetry(RetryPolicy otherRetry) {
        return new HttpTransport(servers, otherRetry, client);
    }

    ApiResponse send(ApiRequest request) {
        for (int tries = 1; ; tries++) {
            URI server = servers.current();
            try {
                return sendOnce(server, request);
            } catch (RetryableFailure failure) {
                servers.failedOver(server);
                if (!retry.allowsAnotherTry(tries)) {
                    throw failure.toException(server);
                }
                pause(retry.backoff().delay(tries - 1));
            }
        }
    }

    private ApiResponse sendOnce(URI server, ApiRequest request) throws RetryableFailure {
        try {
            HttpResponse<String> answer = client.send(toHttp(server, request), BodyHandlers.ofString());
            ApiResponse response = new ApiResponse(answer.statusCode(), answer.body(),
                    answer.headers().firstValue("Content-Type").orElse(""));
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
            return response;
        } catch (IOException e) {
            throw new RetryableFailure(reason(e), e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while calling " + server);
        }
    }

    private HttpRequest toHttp(URI server, ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(servers.resolve(server, request.path()))
                .timeout(request.timeout())
                .header("Accept", "application/json, application/problem+json");
        if (request.bearer() != null) {
            builder.header("Authorization", "Bearer " + request.bearer());
        }
        request.headers().forEach(builder::header);
        if (request.body() != null) {
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
