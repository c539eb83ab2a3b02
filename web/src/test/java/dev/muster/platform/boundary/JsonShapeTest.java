package dev.muster.platform.boundary;

import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Refused;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JsonShapeTest {

    record Chunk(Integer seq, String data) {
    }

    record Batch(String token, List<Chunk> chunks) {
    }

    private static Optional<Refused> check(Class<?> type, String json) {
        return JsonShape.mismatch(type, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheFieldWithTheWrongType() {
        Refused refused = check(JobSpec.class, "{\"command\":\"x\",\"priority\":\"high\"}").orElseThrow();
        assertThat(refused.field()).isEqualTo("priority");
        assertThat(refused.getMessage()).isEqualTo("priority: must be a whole number");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void namesElementsOfListsAndMaps() {
        assertThat(check(JobSpec.class, "{\"command\":\"x\",\"labels\":[\"a\", 3]}").orElseThrow().field()).isEqualTo("labels[1]");
        assertThat(check(JobSpec.class, "{\"command\":\"x\",\"env\":{\"A\": [1]}}").orElseThrow().field()).isEqualTo("env[A]");
        assertThat(check(Batch.class, "{\"token\":\"t\",\"chunks\":[{\"seq\":1,\"data\":\"d\"},{\"seq\":1.5}]}").orElseThrow().field())
                .isEqualTo("chunks[1].seq");
    }

    @Test
    void namesUnknownFieldsAndListsTheKnownOnes() {
        Refused refused = check(Batch.class, "{\"tokn\":\"t\"}").orElseThrow();
        assertThat(refused.field()).isEqualTo("tokn");
        assertThat(refused.getMessage()).contains("not a known field").contains("token, chunks");
    }

    @Test
    void explainsBodiesThatAreNotObjectsOrNotJson() {
        assertThat(check(Batch.class, "[1]").orElseThrow().field()).isEqualTo("body");
        assertThat(check(Batch.class, "{\"token\": ").orElseThrow().getMessage()).startsWith("body: is not valid JSON");
    }

    @Test
    void findsNothingWrongWithAWellShapedBodyOrANonRecordType() {
        assertThat(check(JobSpec.class, "{\"command\":\"x\",\"priority\":5,\"labels\":[],\"env\":{},\"timeoutSeconds\":null}")).isEmpty();
        assertThat(check(String.class, "{\"anything\":1}")).isEmpty();
    }
}
