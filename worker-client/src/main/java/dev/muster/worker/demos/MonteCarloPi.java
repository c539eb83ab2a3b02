package dev.muster.worker.demos;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.stream.IntStream;

/** π from many js jobs ({@code pi.js}), each counting its own seeded random points inside the quarter circle. */
public final class MonteCarloPi {

    public static final String SCRIPT = "pi";

    private MonteCarloPi() {
    }

    public static List<JsonObject> inputs(int jobs, long samplesPerJob) {
        return IntStream.range(0, jobs)
                .mapToObj(i -> Json.createObjectBuilder().add("samples", samplesPerJob).add("seed", 1 + i * 7919).build())
                .toList();
    }

    /** 4 × the share of all points that fell inside. */
    public static double estimate(List<? extends JsonValue> results) {
        long inside = 0;
        long samples = 0;
        for (JsonValue result : results) {
            inside += result.asJsonObject().getJsonNumber("inside").longValueExact();
            samples += result.asJsonObject().getJsonNumber("samples").longValueExact();
        }
        return 4.0 * inside / samples;
    }

    public static String script() {
        return DemoScript.named(SCRIPT);
    }
}
