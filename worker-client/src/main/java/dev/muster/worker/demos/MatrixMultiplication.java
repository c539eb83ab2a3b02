package dev.muster.worker.demos;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * C = A × B for square matrices of small whole numbers, split into row blocks of A: block i is one js job
 * ({@code matrix.js}) that gets its rows of A and all of B, and returns its rows of C. Whole numbers keep JavaScript's
 * doubles exact, so the assembled C can be checked against a local multiplication to the last digit.
 */
public final class MatrixMultiplication {

    public static final String SCRIPT = "matrix";

    private final long[][] a;
    private final long[][] b;

    public MatrixMultiplication(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.a = random(size, random);
        this.b = random(size, random);
    }

    private static long[][] random(int size, SplittableRandom random) {
        long[][] m = new long[size][size];
        for (long[] row : m) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextInt(10);
            }
        }
        return m;
    }

    /** The jobs' inputs: {@code blocks} row blocks of A (as even as they divide), each with all of B. */
    public List<JsonObject> inputs(int blocks) {
        JsonArray bJson = json(b, 0, b.length);
        List<JsonObject> inputs = new ArrayList<>();
        int size = a.length;
        for (int block = 0; block < blocks; block++) {
            int from = block * size / blocks;
            int to = (block + 1) * size / blocks;
            if (from < to) {
                inputs.add(Json.createObjectBuilder().add("firstRow", from).add("a", json(a, from, to)).add("b", bJson).build());
            }
        }
        return inputs;
    }

    /** C from the jobs' results, each {@code {firstRow, rows}}, in any order. */
    public long[][] assemble(List<? extends JsonValue> results) {
        long[][] c = new long[a.length][];
        for (JsonValue result : results) {
            JsonObject block = result.asJsonObject();
            int row = block.getInt("firstRow");
            for (JsonArray values : block.getJsonArray("rows").getValuesAs(JsonArray.class)) {
                c[row++] = values.getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .mapToLong(jakarta.json.JsonNumber::longValueExact).toArray();
            }
        }
        return c;
    }

    /** The same product, computed here, to check what the workers sent back. */
    public long[][] multiplyLocally() {
        int n = a.length;
        long[][] c = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    public static String script() {
        return DemoScript.named(SCRIPT);
    }

    private static JsonArray json(long[][] m, int from, int to) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (int i = from; i < to; i++) {
            JsonArrayBuilder row = Json.createArrayBuilder();
            for (long value : m[i]) {
                row.add(value);
            }
            rows.add(row);
        }
        return rows.build();
    }
}
