package dev.muster.jobs.entity;

import dev.muster.platform.Refused;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JobLimitsTest {

    private final JobLimits limits = new JobLimits(10, 20, 2, 16, 2, 3);

    @Test
    void aSpecWithinEveryLimitPasses() {
        assertThatCode(() -> limits.check(spec("echo hi", Map.of("A", "1"), List.of("x", "y")))).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkBatch(3)).doesNotThrowAnyException();
    }

    @Test
    void byteSizesAreCountedInUtf8AndRefusedWith413() {
        assertThat(refusal(spec("ééééé!", Map.of(), List.of()))).extracting(Refused::status, Refused::field)
                .containsExactly(413, "command");
        assertThat(refusal(spec("é".repeat(5), Map.of(), List.of()))).isNull();
        Refused script = refusal(JobSpec.js("x".repeat(21), null, null));
        assertThat(script.status()).isEqualTo(413);
        assertThat(script.getMessage()).contains("script", "21 bytes", "20", "muster.limits.script-bytes");
    }

    @Test
    void theEnvironmentIsLimitedInEntriesAndInBytes() {
        Map<String, String> three = new LinkedHashMap<>(Map.of("A", "1", "B", "2", "C", "3"));
        assertThat(refusal(spec("x", three, List.of()))).extracting(Refused::status, Refused::field)
                .containsExactly(422, "env");
        // NAME=value: 1 + 1 + 15 bytes
        Refused bytes = refusal(spec("x", Map.of("A", "v".repeat(15)), List.of()));
        assertThat(bytes).extracting(Refused::status, Refused::field).containsExactly(413, "env");
        assertThat(bytes.getMessage()).contains("17 bytes", "muster.limits.env-bytes");
        assertThat(refusal(spec("x", Map.of("A", "v".repeat(14)), List.of()))).isNull();
    }

    @Test
    void countsAreRefusedWith422NamingTheField() {
        assertThat(refusal(spec("x", Map.of(), List.of("a", "b", "c")))).extracting(Refused::status, Refused::field)
                .containsExactly(422, "labels");
        Refused batch = catchThrowableOfType(() -> limits.checkBatch(4), Refused.class);
        assertThat(batch).extracting(Refused::status, Refused::field).containsExactly(422, "jobs");
        assertThat(batch.getMessage()).contains("muster.limits.batch-jobs");
        assertThat(catchThrowableOfType(() -> limits.checkBatch(0), Refused.class).field()).isEqualTo("jobs");
    }

    @Test
    void aRefusalInsideABatchNamesTheJobByIndex() {
        Refused refused = refusal(spec("x".repeat(11), Map.of(), List.of())).within("jobs[3].");
        assertThat(refused.field()).isEqualTo("jobs[3].command");
        assertThat(refused.getMessage()).startsWith("jobs[3].command: ");
        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void theDefaultsStayWithinTheHardCeilings() {
        assertThat(JobLimits.DEFAULTS.commandBytes()).isLessThanOrEqualTo(JobSpec.COMMAND_MAX);
        assertThat(JobLimits.DEFAULTS.scriptBytes()).isLessThanOrEqualTo(JobSpec.SCRIPT_MAX);
        assertThat(JobLimits.DEFAULTS.labels()).isLessThanOrEqualTo(Labels.MAX);
    }

    private Refused refusal(JobSpec spec) {
        return catchThrowableOfType(() -> limits.check(spec), Refused.class);
    }

    private static JobSpec spec(String command, Map<String, String> env, List<String> labels) {
        return new JobSpec(null, command, env, null, labels, null, null, null, null, null, null, null, null, null);
    }
}
