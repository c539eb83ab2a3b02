package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Labels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchQueuesTest {

    @Test
    void eachPoolHasItsOwnDispatchQueue() {
        assertThat(DispatchQueues.dispatchQueue("build")).isEqualTo("muster.dispatch.build");
    }

    @Test
    void aWorkerSelectsJobsWhoseLabelsItHasAll() {
        String selector = DispatchQueues.selectorFor(Labels.of(List.of("linux", "gpu")), List.of("shell"));
        assertThat(selector).startsWith("musterLabels IN ('', 'gpu', 'linux', 'gpu,linux') AND ");
    }

    @Test
    void aWorkerWithoutLabelsTakesOnlyUnlabelledJobs() {
        assertThat(DispatchQueues.selectorFor(Labels.NONE, List.of("js"))).startsWith("musterLabels IN ('') AND ");
    }

    @Test
    void aBrowserTakesOnlyJsJobs() {
        assertThat(DispatchQueues.selectorFor(Labels.NONE, List.of("js")))
                .isEqualTo("musterLabels IN ('') AND (musterKind IN ('js'))");
    }

    /** Messages queued before job kinds existed carry no kind: they are shell jobs, for shell workers only. */
    @Test
    void aShellWorkerAlsoTakesJobsQueuedWithoutAKind() {
        assertThat(DispatchQueues.selectorFor(Labels.NONE, List.of("shell")))
                .isEqualTo("musterLabels IN ('') AND (musterKind IN ('shell') OR musterKind IS NULL)");
        assertThat(DispatchQueues.selectorFor(Labels.NONE, List.of("shell", "js")))
                .isEqualTo("musterLabels IN ('') AND (musterKind IN ('js', 'shell') OR musterKind IS NULL)");
    }
}
