package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;

/** One call to the API, independent of which server it ends up on. */
record ApiRequest(String method, String path, JsonObject body, String bearer, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null, DEFAULT_TIMEOUT);
    }

    static ApiRequest post(String path, JsonObject body) {
        return new ApiRequest("POST", path, body, null, DEFAULT_TIMEOUT);
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null, null, DEFAULT_TIMEOUT);
    }

    ApiRequest withBearer(String secret) {
        return new ApiRequest(method, path, body, secret, timeout);
    }

    ApiRequest withTimeout(Duration newTimeout) {
        return new ApiRequest(method, path, body, bearer, newTimeout);
    }
}
