package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One call to the API, independent of which server it ends up on. */
record ApiRequest(String method, String path, JsonObject body, String bearer, Duration timeout,
        Map<String, String> headers) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    ApiRequest {
        headers = Map.copyOf(headers);
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null, DEFAULT_TIMEOUT, Map.of());
    }

    static ApiRequest post(String path, JsonObject body) {
        return new ApiRequest("POST", path, body, null, DEFAULT_TIMEOUT, Map.of());
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null, null, DEFAULT_TIMEOUT, Map.of());
    }

    ApiRequest withBearer(String secret) {
        return new ApiRequest(method, path, body, secret, timeout, headers);
    }

    ApiRequest withTimeout(Duration newTimeout) {
        return new ApiRequest(method, path, body, bearer, newTimeout, headers);
    }

    ApiRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, path, body, bearer, timeout, more);
    }
}
