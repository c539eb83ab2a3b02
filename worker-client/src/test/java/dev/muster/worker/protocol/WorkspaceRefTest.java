package dev.muster.worker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspaceRefTest {

    private static final String LEASED = "{\"jobId\":\"j\",\"attemptId\":\"a\",\"leaseToken\":\"t\",\"command\":\"true\"";

    @Test
    void readsTheWorkspaceOfALeasedJob() {
        LeasedJob job = LeasedJob.fromJson(JsonFields.parse(LEASED
                + ",\"workspace\":{\"id\":\"ws-1\",\"sizeBytes\":1234,\"sha256\":\"ab12\"}}"));

        assertThat(job.workspace()).isEqualTo(new WorkspaceRef("ws-1", 1234L, "ab12"));
        assertThat(job.workspace().verifiable()).isTrue();
    }

    @Test
    void aJobWithoutWorkspaceHasNone() {
        assertThat(LeasedJob.fromJson(JsonFields.parse(LEASED + "}")).workspace()).isNull();
        assertThat(LeasedJob.fromJson(JsonFields.parse(LEASED + ",\"workspace\":null}")).workspace()).isNull();
    }

    @Test
    void aWorkspaceWithoutSizeOrHashIsKeptButNotVerifiable() {
        LeasedJob job = LeasedJob.fromJson(JsonFields.parse(LEASED + ",\"workspace\":\"ws-1\"}"));

        assertThat(job.workspace().id()).isEqualTo("ws-1");
        assertThat(job.workspace().verifiable()).isFalse();
    }
}
