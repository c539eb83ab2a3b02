package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;

/** The server's answer to {@code POST /api/v1/workspaces}: the id a job spec names its workspace by. */
public record WorkspaceUpload(String id, Long sizeBytes, String sha256, Instant createdAt) {

    static WorkspaceUpload fromJson(JsonObject json) {
        return new WorkspaceUpload(JsonFields.string(json, "id"), JsonFields.longValue(json, "sizeBytes"),
                JsonFields.string(json, "sha256"), JsonFields.instant(json, "createdAt"));
    }
}
