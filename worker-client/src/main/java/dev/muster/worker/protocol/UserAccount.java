package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A console user; the server never returns passwords, not even hashed. */
public record UserAccount(String name, String role, Instant createdAt) {

    static UserAccount fromJson(JsonObject json) {
        return new UserAccount(JsonFields.string(json, "name"), JsonFields.string(json, "role"),
                JsonFields.instant(json, "createdAt"));
    }
}
