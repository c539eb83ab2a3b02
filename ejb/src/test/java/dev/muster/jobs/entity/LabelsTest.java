package dev.muster.jobs.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void theSameSetIsAlwaysTheSameString() {
        assertThat(Labels.of(List.of("linux", "java", "linux")).canonical()).isEqualTo("java,linux");
        assertThat(Labels.parse("java,linux")).isEqualTo(Labels.of(List.of("linux", "java")));
        assertThat(Labels.parse("").canonical()).isEmpty();
        assertThat(Labels.of(null)).isEqualTo(Labels.NONE);
    }

    @Test
    void subsetsAreEveryLabelSetAWorkerCanServe() {
        assertThat(Labels.of(List.of("b", "a", "c")).subsets())
                .containsExactlyInAnyOrder("", "a", "b", "c", "a,b", "a,c", "b,c", "a,b,c");
        assertThat(Labels.NONE.subsets()).containsExactly("");
    }
}
