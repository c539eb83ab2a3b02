package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The server's answer to a heartbeat: attempts whose job was cancelled (kill, then report "cancelled") and
 * attempts this worker no longer holds (kill, report nothing).
 */
public record HeartbeatReply(List<String> cancel, List<String> stale) {

    public static HeartbeatReply fromJson(JsonObject json) {
        return new HeartbeatReply(JsonFields.strings(json, "cancel"), JsonFields.strings(json, "stale"));
    }
}
