package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A shell job that runs in a copy of an uploaded workspace archive, named by the id the upload returned. */
public record WorkspaceSubmission(JobSubmission job, String workspaceId) implements Submission {

    @Override
    public JsonObject toJson() {
        return Json.createObjectBuilder(job.toJson()).add("workspace", workspaceId).build();
    }
}
