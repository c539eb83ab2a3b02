package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A worker's claim on one attempt of a job. The lease token fences the worker: once the server hands the
 * attempt to someone else, calls with this token answer 409.
 */
public record AttemptLease(String attemptId, String leaseToken) {

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("attemptId", attemptId).add("leaseToken", leaseToken).build();
    }
}
