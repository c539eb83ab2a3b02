package dev.muster.worker.protocol;

import jakarta.json.JsonObject;
import java.util.List;

/** One page of {@code GET /api/v1/jobs}, newest first. */
public record JobPage(List<Job> items, int page, int size, long total) {

    public static JobPage fromJson(JsonObject json) {
        Long total = JsonFields.longValue(json, "total");
        return new JobPage(
                JsonFields.objects(json, "items").stream().map(Job::fromJson).toList(),
                JsonFields.integer(json, "page", 0),
                JsonFields.integer(json, "size", 0),
                total == null ? 0 : total);
    }
}
