package dev.muster.console.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/** The dashboard's throughput chart as a Chart.js bar chart: one bar per minute, the current minute last. */
final class ThroughputChart {

    private ThroughputChart() {
    }

    static String json(long[] perMinute) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (int i = 0; i < perMinute.length; i++) {
            int minutesAgo = perMinute.length - 1 - i;
            labels.add(minutesAgo == 0 ? "now" : "-" + minutesAgo + " min");
            values.add(perMinute[i]);
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", "jobs finished per minute")
                                .add("backgroundColor", "#3b82f6")
                                .add("data", values))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
