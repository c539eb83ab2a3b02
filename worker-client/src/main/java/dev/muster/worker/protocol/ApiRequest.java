package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to the API, independent of which server it ends up on. Its body is JSON, or an {@link Upload} of
 * bytes (a workspace archive), or nothing.
 */
record ApiRequest(String method, String path, JsonObject body, Upload upload, String bearer, Duration timeout,
        Map<String, String> headers) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    ApiRequest {
        headers = Map.copyOf(headers);
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null, null, DEFAULT_TIMEOUT, Map.of());
    }

    static ApiRequest post(String path, JsonObject body) {
        return new ApiRequest("POST", path, body, null, null, DEFAULT_TIMEOUT, Map.of());
    }

    static ApiRequest upload(String path, Upload upload) {
        return new ApiRequest("POST", path, null, upload, null, DEFAULT_TIMEOUT, Map.of());
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null, null, null, DEFAULT_TIMEOUT, Map.of());
    }

    ApiRequest withBearer(String secret) {
        return new ApiRequest(method, path, body, upload, secret, timeout, headers);
    }

    ApiRequest withTimeout(Duration newTimeout) {
        return new ApiRequest(method, path, body, upload, bearer, newTimeout, headers);
    }

    ApiRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, path, body, upload, bearer, timeout, more);
    }

    /** Keeps secrets out of anything that prints a request. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
