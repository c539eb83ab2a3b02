package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The workspace archive a leased job brings: the worker downloads it and checks it against size and hash.
 * Size or hash may be missing from a malformed lease; the worker then refuses the workspace, failing that one
 * attempt, rather than refusing the whole lease answer.
 */
public record WorkspaceRef(String id, Long sizeBytes, String sha256) {

    /** Null when the job has no workspace. */
    static WorkspaceRef fromJson(JsonValue value) {
        if (value instanceof JsonString id) {
            return new WorkspaceRef(id.getString(), null, null);
        }
        if (!(value instanceof JsonObject json)) {
            return null;
        }
        return new WorkspaceRef(JsonFields.string(json, "id"), JsonFields.longValue(json, "sizeBytes"),
                JsonFields.string(json, "sha256"));
    }

    /** Whether the lease says enough to check the download against. */
    public boolean verifiable() {
        return id != null && sizeBytes != null && sizeBytes >= 0 && sha256 != null;
    }
}
