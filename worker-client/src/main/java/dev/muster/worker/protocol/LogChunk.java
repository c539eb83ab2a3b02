package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A piece of a job's output. {@code seq} counts from 0 per attempt across both streams, so the order of the
 * chunks is the order in which the job wrote them.
 */
public record LogChunk(long seq, LogStream stream, String data) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("seq", seq)
                .add("stream", stream.wireName())
                .add("data", data)
                .build();
    }

    public static LogChunk fromJson(JsonObject json) {
        Long seq = JsonFields.longValue(json, "seq");
        String data = JsonFields.string(json, "data");
        return new LogChunk(seq == null ? -1 : seq, LogStream.fromWire(JsonFields.string(json, "stream")),
                data == null ? "" : data);
    }
}
