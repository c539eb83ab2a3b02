package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** What a worker tells the server about itself when it registers. */
public record WorkerRegistration(String name, String pool, List<String> labels, int slots, String version) {

    public WorkerRegistration {
        labels = List.copyOf(labels);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("pool", pool)
                .add("labels", JsonFields.array(labels))
                .add("slots", slots)
                .add("version", version)
                .build();
    }
}
