package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * An enrolment token as the server lists it: what workers registering with it may do. Empty {@code pools}
 * means every pool, empty {@code labels} any label. {@code token} is present only in the answer that created it.
 */
public record EnrolmentToken(String id, String name, List<String> pools, List<String> labels, Instant expiresAt,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt, String token) {

    static EnrolmentToken fromJson(JsonObject json) {
        return new EnrolmentToken(JsonFields.string(json, "id"), JsonFields.string(json, "name"),
                JsonFields.strings(json, "pools"), JsonFields.strings(json, "labels"),
                JsonFields.instant(json, "expiresAt"), JsonFields.instant(json, "createdAt"),
                JsonFields.instant(json, "lastUsedAt"), JsonFields.instant(json, "revokedAt"),
                JsonFields.string(json, "token"));
    }

    /** Keeps the secret out of logs and debugger views. */
    @Override
    public String toString() {
        return "EnrolmentToken[" + id + ", " + name + "]";
    }
}
