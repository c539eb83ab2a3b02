package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.util.List;

/** The answer of {@code GET /api/v1/jobs/{id}/log/chunks}: new chunks of the latest attempt and the job's state. */
public record ChunkPage(String jobId, JobState state, Integer exitCode, Integer attempt, List<LogChunk> chunks) {

    public static ChunkPage fromJson(JsonObject json) {
        return new ChunkPage(
                JsonFields.string(json, "jobId"),
                JobState.fromWire(JsonFields.string(json, "state")),
                JsonFields.integer(json, "exitCode"),
                JsonFields.integer(json, "attempt"),
                JsonFields.objects(json, "chunks").stream().map(LogChunk::fromJson).toList());
    }

    /** The highest seq in this page, or {@code after} when the page brought nothing new. */
    public long lastSeq(long after) {
        return chunks.stream().mapToLong(LogChunk::seq).max().orElse(after);
    }
}
