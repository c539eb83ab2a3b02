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
        String selector = DispatchQueues.selectorFor(Labels.of(List.of("linux", "gpu")));
        assertThat(selector).isEqualTo("musterLabels IN ('', 'gpu', 'linux', 'gpu,linux')");
    }

    @Test
    void aWorkerWithoutLabelsTakesOnlyUnlabelledJobs() {
        assertThat(DispatchQueues.selectorFor(Labels.NONE)).isEqualTo("musterLabels IN ('')");
    }
}
