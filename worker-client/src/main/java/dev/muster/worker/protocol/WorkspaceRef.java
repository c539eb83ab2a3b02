package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The workspace archive a leased job brings: the worker downloads it and checks it against size and hash. */
public record WorkspaceRef(String id, long sizeBytes, String sha256) {

    /** Null when the job has no workspace. */
    static WorkspaceRef fromJson(JsonValue value) {
        if (!(value instanceof JsonObject json)) {
            return null;
        }
        Long size = JsonFields.longValue(json, "sizeBytes");
        String id = JsonFields.string(json, "id");
        String sha256 = JsonFields.string(json, "sha256");
        if (id == null || size == null || sha256 == null) {
            throw new IllegalArgumentException("a leased job's workspace needs id, sizeBytes and sha256");
        }
        return new WorkspaceRef(id, size, sha256);
    }
}
