package dev.muster.worker.protocol;

import jakarta.json.JsonObject;

/** A body of {@code POST /api/v1/jobs}: a shell command ({@link JobSubmission}) or a js script ({@link ScriptSubmission}). */
public sealed interface Submission permits JobSubmission, ScriptSubmission, WorkspaceSubmission {

    JsonObject toJson();
}
