package dev.muster.console.boundary;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.jobs.entity.RetryPolicy;
import dev.muster.platform.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDraftTest {

    private static Job job() {
        JobSpec spec = new JobSpec(null, "make test", Map.of(), "build", List.of("linux", "gpu"), 7, 600, 3,
                List.of(75), 10, null, null, null, null);
        return new Job("job-1", spec, RetryPolicy.of(3, List.of(75), 10),
                "{\"MODE\":\"fast\",\"API_TOKEN\":\"s3cret\"}", Instant.EPOCH);
    }

    @Test
    void aFormBecomesASpecWithDefaultsForWhatIsLeftEmpty() {
        JobDraft draft = new JobDraft();
        draft.setCommand("echo hi");
        draft.setLabels(" linux,  gpu ");
        draft.setPool(" ");
        draft.setEnv("A=1\n\nB = x=y \n");
        JobSpec spec = draft.toSpec();
        assertThat(spec.command()).isEqualTo("echo hi");
        assertThat(spec.pool()).isEqualTo(JobSpec.DEFAULT_POOL);
        assertThat(spec.labels()).containsExactly("linux", "gpu");
        assertThat(spec.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", " x=y "));
        assertThat(spec.priority()).isEqualTo(JobSpec.DEFAULT_PRIORITY);
        assertThat(spec.kind()).isEqualTo("shell");
    }

    @Test
    void aLineThatIsNotAVariableIsRefused() {
        JobDraft draft = new JobDraft();
        draft.setCommand("true");
        draft.setEnv("just words");
        assertThatThrownBy(draft::toSpec).isInstanceOf(Refused.class).hasMessageContaining("NAME=value");
    }

    @Test
    void aCopyOfAJobShowsSecretsMaskedAndKeepsTheirValues() {
        JobDraft draft = JobDraft.of(job());
        assertThat(draft.getEnv()).isEqualTo("MODE=fast\nAPI_TOKEN=" + EnvMasking.MASK + "\n").doesNotContain("s3cret");
        assertThat(draft.getLabels()).isEqualTo("gpu,linux");

        JobSpec again = draft.toSpec();
        assertThat(again.env()).containsEntry("API_TOKEN", "s3cret").containsEntry("MODE", "fast");
        assertThat(again.pool()).isEqualTo("build");
        assertThat(again.priority()).isEqualTo(7);
        assertThat(again.timeoutSeconds()).isEqualTo(600);
        assertThat(again.maxAttempts()).isEqualTo(3);
        assertThat(again.retryOnExitCodes()).containsExactly(75);
        assertThat(again.retryBackoffSeconds()).isEqualTo(10);
        assertThat(again.idempotencyKey()).as("a re-run is a new job").isNull();
    }

    @Test
    void aJavaScriptTaskTakesItsScriptAndInputAndNothingOfAShellJob() {
        JobDraft draft = new JobDraft();
        draft.setCommand("left over from the shell tab");
        draft.setEnv("A=1");
        draft.setKind("js");
        draft.setScript("export default (input) => input.n * 2;");
        draft.setInput("{\"n\": 21}");
        JobSpec spec = draft.toSpec();
        assertThat(spec.kind()).isEqualTo("js");
        assertThat(spec.command()).isNull();
        assertThat(spec.env()).isEmpty();
        assertThat(spec.script()).startsWith("export default");
        assertThat(spec.input().asJsonObject().getInt("n")).isEqualTo(21);
        assertThat(spec.pool()).isEqualTo(JobSpec.BROWSER_POOL);

        draft.setInput("{n: 21");
        assertThatThrownBy(draft::toSpec).isInstanceOf(Refused.class).hasMessageContaining("input");
    }

    @Test
    void secretsAreRecognisedByName() {
        assertThat(EnvMasking.masked(Map.of("DB_PASSWORD", "x", "GITHUB_TOKEN", "y", "PATH", "/bin")))
                .containsEntry("DB_PASSWORD", EnvMasking.MASK).containsEntry("GITHUB_TOKEN", EnvMasking.MASK)
                .containsEntry("PATH", "/bin");
    }
}
