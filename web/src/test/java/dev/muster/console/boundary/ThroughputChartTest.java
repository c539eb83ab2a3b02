package dev.muster.console.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputChartTest {

    @Test
    void oneBarPerMinuteWithTheCurrentMinuteLast() {
        JsonObject chart = Json.createReader(new StringReader(ThroughputChart.json(new long[]{4, 0, 7}))).readObject();
        assertThat(chart.getString("type")).isEqualTo("bar");
        JsonObject data = chart.getJsonObject("data");
        assertThat(data.getJsonArray("labels").getString(0)).isEqualTo("-2 min");
        assertThat(data.getJsonArray("labels").getString(2)).isEqualTo("now");
        assertThat(data.getJsonArray("datasets").getJsonObject(0).getJsonArray("data").getJsonNumber(2).longValue())
                .isEqualTo(7);
    }
}
