package dev.muster.worker.demos;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemosTest {

    @Test
    void rowBlocksCoverEveryRowOnceAndAssembleInAnyOrder() {
        MatrixMultiplication product = new MatrixMultiplication(7, 1);
        List<JsonObject> inputs = product.inputs(3);
        assertThat(inputs).extracting(input -> input.getInt("firstRow")).containsExactly(0, 2, 4);
        assertThat(inputs).extracting(input -> input.getJsonArray("a").size()).containsExactly(2, 2, 3);

        List<JsonObject> results = new ArrayList<>(inputs.stream().map(DemosTest::multiplyBlock).toList());
        Collections.reverse(results);
        assertThat(product.assemble(results)).isDeepEqualTo(product.multiplyLocally());
    }

    @Test
    void moreBlocksThanRowsGiveOneJobPerRow() {
        assertThat(new MatrixMultiplication(3, 1).inputs(3)).hasSize(3);
    }

    @Test
    void piIsFourTimesTheShareInside() {
        List<JsonObject> results = List.of(
                Json.createObjectBuilder().add("inside", 78).add("samples", 100).build(),
                Json.createObjectBuilder().add("inside", 79).add("samples", 100).build());
        assertThat(MonteCarloPi.estimate(results)).isEqualTo(3.14);
        assertThat(MonteCarloPi.inputs(3, 10)).extracting(input -> input.getInt("seed")).doesNotHaveDuplicates();
    }

    @Test
    void theScriptsShipInTheJar() {
        assertThat(MatrixMultiplication.script()).contains("export default");
        assertThat(MonteCarloPi.script()).contains("export default");
    }

    /** What matrix.js computes, in Java, to stand in for a browser. */
    private static JsonObject multiplyBlock(JsonObject input) {
        JsonArray b = input.getJsonArray("b");
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (JsonArray row : input.getJsonArray("a").getValuesAs(JsonArray.class)) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (int j = 0; j < b.size(); j++) {
                long sum = 0;
                for (int k = 0; k < row.size(); k++) {
                    sum += (long) row.getInt(k) * b.getJsonArray(k).getInt(j);
                }
                out.add(sum);
            }
            rows.add(out);
        }
        return Json.createObjectBuilder().add("firstRow", input.getInt("firstRow")).add("rows", rows).build();
    }
}
