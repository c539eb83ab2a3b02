package dev.muster.jobs.entity;

import dev.muster.platform.Refused;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsJobTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SCRIPT = "export default (input) => input.n * 2;";
    private static final JsonValue INPUT = Json.createObjectBuilder().add("n", 21).build();

    @Test
    void aJsJobNeedsItsScript() {
        assertRefused(JobSpec.js(null, INPUT, "browser"), "script");
        assertRefused(JobSpec.js("  ", INPUT, "browser"), "script");
    }

    @Test
    void aJsJobTakesNeitherCommandNorEnv() {
        assertRefused(new JobSpec("js", "echo", null, null, null, null, null, null, null, null, null, SCRIPT, null, null), "command");
        assertRefused(new JobSpec("js", null, Map.of("A", "b"), null, null, null, null, null, null, null, null, SCRIPT, null, null), "env");
    }

    @Test
    void aShellJobNeedsItsCommandAndTakesNoScriptOrInput() {
        assertRefused(JobSpec.shell(null), "command");
        assertRefused(new JobSpec(null, "echo", null, null, null, null, null, null, null, null, null, SCRIPT, null, null), "script");
        assertRefused(new JobSpec(null, "echo", null, null, null, null, null, null, null, null, null, null, INPUT, null), "input");
    }

    @Test
    void anOversizedInputIsRefusedByName() {
        JsonValue big = Json.createValue("x".repeat(JobSpec.INPUT_MAX));
        assertRefused(JobSpec.js(SCRIPT, big, "browser"), "input");
    }

    @Test
    void aJsonNullInputIsNoInput() {
        JobSpec spec = JobSpec.js(SCRIPT, JsonValue.NULL, "browser");
        spec.requireWhatItsKindRuns();
        assertThat(spec.input()).isNull();
    }

    @Test
    void aJsJobKeepsScriptInputAndItsLatestResult() {
        Job job = new Job("job-1", JobSpec.js(SCRIPT, INPUT, "browser"), RetryPolicy.of(1, List.of(), 0), "{}", T0);
        assertThat(job.kind()).isEqualTo("js");
        assertThat(job.script()).isEqualTo(SCRIPT);
        assertThat(job.inputJson()).isEqualTo("{\"n\":21}");
        assertThat(job.result()).isEqualTo(JobResult.NONE);

        job.recordResult(new JobResult(null, "boom", "Error: boom\n    at f"));
        job.recordResult(new JobResult("42", null, null));
        assertThat(job.result()).isEqualTo(new JobResult("42", null, null));
    }

    @Test
    void theSameScriptAndInputAreTheSameRequest() {
        JobSpec spec = JobSpec.js(SCRIPT, INPUT, "browser").withIdempotencyKey("k");
        Job job = new Job("job-1", spec, RetryPolicy.of(3, List.of(), 5), "{}", T0);
        assertThat(job.sameRequestAs(spec, "{}")).isTrue();
        assertThat(job.sameRequestAs(JobSpec.js(SCRIPT, Json.createValue(1), "browser").withIdempotencyKey("k"), "{}")).isFalse();
    }

    private static void assertRefused(JobSpec spec, String field) {
        assertThatThrownBy(spec::requireWhatItsKindRuns)
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.field()).isEqualTo(field);
                });
    }
}
