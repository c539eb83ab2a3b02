package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * An API token as the server lists it. {@code token} is the secret itself, present only in the answer that
 * created it.
 */
public record ApiToken(String id, String name, String role, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant revokedAt, String token) {

    static ApiToken fromJson(JsonObject json) {
        return new ApiToken(JsonFields.string(json, "id"), JsonFields.string(json, "name"),
                JsonFields.string(json, "role"), JsonFields.instant(json, "createdAt"),
                JsonFields.string(json, "createdBy"), JsonFields.instant(json, "lastUsedAt"),
                JsonFields.instant(json, "revokedAt"), JsonFields.string(json, "token"));
    }

    /** Keeps the secret out of logs and debugger views. */
    @Override
    public String toString() {
        return "ApiToken[" + id + ", " + name + ", " + role + "]";
    }
}
