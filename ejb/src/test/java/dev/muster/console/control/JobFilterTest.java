package dev.muster.console.control;

import dev.muster.jobs.entity.JobState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobFilterTest {

    @Test
    void noFilterMatchesEverythingWithoutParameters() {
        JobFilter.Condition condition = new JobFilter(null, " ", "", null, null).condition();
        assertThat(condition.jpql()).isEqualTo(" where 1 = 1");
        assertThat(condition.parameters()).isEmpty();
    }

    @Test
    void everyFilterAddsItsOwnConditionAndParameter() {
        JobFilter.Condition condition = new JobFilter(JobState.FAILED, " build ", "gpu", "alice", "Make Test")
                .condition();
        assertThat(condition.jpql()).isEqualTo(" where 1 = 1 and j.state = :state and j.pool = :pool"
                + " and concat(',', j.labels, ',') like :label and j.submitter = :submitter"
                + " and lower(j.command) like :text");
        assertThat(condition.parameters()).isEqualTo(Map.of(
                "state", JobState.FAILED, "pool", "build", "label", "%,gpu,%", "submitter", "alice",
                "text", "%make test%"));
    }

    @Test
    void likeWildcardsInUserInputMatchThemselves() {
        assertThat(new JobFilter(null, null, null, null, "100%_done\\").condition().parameters().get("text"))
                .isEqualTo("%100\\%\\_done\\\\%");
    }

    @Test
    void ordersOnlyByKnownColumnsAndAlwaysEndsWithTheId() {
        assertThat(new JobOrder("pool", true).jpql()).isEqualTo(" order by j.pool asc, j.submittedAt desc, j.id");
        assertThat(new JobOrder("submittedAt", false).jpql()).isEqualTo(" order by j.submittedAt desc, j.id");
        assertThat(new JobOrder("command; drop table jobs", true)).isEqualTo(JobOrder.NEWEST_FIRST);
        assertThat(new JobOrder(null, true)).isEqualTo(JobOrder.NEWEST_FIRST);
    }
}
