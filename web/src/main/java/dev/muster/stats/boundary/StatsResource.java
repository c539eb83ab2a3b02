package dev.muster.stats.boundary;

import dev.muster.security.boundary.AccessRule;
import dev.muster.security.boundary.Allowed;
import dev.muster.stats.control.Statistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code GET /api/v1/stats}: pools, connected workers by kind, jobs by state, throughput over the last minute. */
@Path("v1/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed({"viewer", AccessRule.WORKER})
public class StatsResource {

    @Inject
    Statistics statistics;

    @GET
    public JsonObject stats() {
        Statistics.Snapshot snapshot = statistics.snapshot();
        JsonObjectBuilder pools = Json.createObjectBuilder();
        snapshot.pools().forEach((name, counts) -> pools.add(name, Json.createObjectBuilder()
                .add("workers", counts.workers())
                .add("slots", counts.slots())
                .add("queued", counts.queued())
                .add("running", counts.running())));
        long window = Statistics.THROUGHPUT_WINDOW.toSeconds();
        return Json.createObjectBuilder()
                .add("at", snapshot.at().toString())
                .add("pools", pools)
                .add("workers", counts(snapshot.workersByKind(), "java", "browser"))
                .add("jobs", counts(snapshot.jobsByState(), "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"))
                .add("throughput", Json.createObjectBuilder()
                        .add("windowSeconds", window)
                        .add("finished", snapshot.finishedLastMinute())
                        .add("perSecond", Math.round(snapshot.finishedLastMinute() * 100.0 / window) / 100.0))
                .build();
    }

    /** Every expected key is present, zero when nothing counts, so clients need no special cases. */
    private static JsonObjectBuilder counts(Map<String, Long> counted, String... expected) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String key : expected) {
            json.add(key, counted.getOrDefault(key, 0L));
        }
        counted.forEach((key, value) -> {
            if (!java.util.Arrays.asList(expected).contains(key)) {
                json.add(key, value);
            }
        });
        return json;
    }
}
