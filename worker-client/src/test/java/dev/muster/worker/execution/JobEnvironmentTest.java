package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.worker.protocol.LeasedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

    private static final Map<String, String> WORKER = Map.of(
            "PATH", "/usr/bin", "HOME", "/home/worker", "LC_ALL", "C.UTF-8", "LC_TIME", "en_GB",
            "AWS_SECRET_ACCESS_KEY", "hunter2", "MUSTER_TOKEN", "mst_api_secret",
            "MUSTER_ENROLMENT_TOKEN", "mst_enr_secret", "JAVA_HOME", "/opt/jdk");

    @Test
    void passesOnlyTheDefaultAllowListOfTheWorkersEnvironment() {
        Map<String, String> env = JobEnvironment.DEFAULT.forJob(WORKER, job(Map.of()));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/worker")
                .containsEntry("LC_ALL", "C.UTF-8").containsEntry("LC_TIME", "en_GB")
                .doesNotContainKeys("AWS_SECRET_ACCESS_KEY", "JAVA_HOME", "MUSTER_TOKEN", "MUSTER_ENROLMENT_TOKEN")
                .containsEntry("MUSTER_JOB_ID", "job-1").containsEntry("MUSTER_ATTEMPT_ID", "attempt-1");
    }

    @Test
    void neverPassesMusterVariablesEvenWhenTheListAllowsEverything() {
        Map<String, String> env = new JobEnvironment(List.of("*")).forJob(WORKER, job(Map.of()));

        assertThat(env).containsKeys("AWS_SECRET_ACCESS_KEY", "JAVA_HOME")
                .doesNotContainKeys("MUSTER_TOKEN", "MUSTER_ENROLMENT_TOKEN");
        assertThat(new JobEnvironment(List.of("MUSTER_*", "MUSTER_TOKEN")).forJob(WORKER, job(Map.of())))
                .doesNotContainKeys("MUSTER_TOKEN", "MUSTER_ENROLMENT_TOKEN");
    }

    @Test
    void theJobsOwnEnvComesOnTopAndMaySetMusterVariables() {
        Map<String, String> env = new JobEnvironment(List.of("PATH", "JAVA_*"))
                .forJob(WORKER, job(Map.of("PATH", "/job/bin", "MUSTER_TOKEN", "the-jobs-own")));

        assertThat(env).containsEntry("PATH", "/job/bin").containsEntry("JAVA_HOME", "/opt/jdk")
                .containsEntry("MUSTER_TOKEN", "the-jobs-own").doesNotContainKey("HOME");
    }

    @Test
    void refusesAStarAnywhereButAtTheEnd() {
        assertThatThrownBy(() -> new JobEnvironment(List.of("*_TOKEN"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobEnvironment(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    private static LeasedJob job(Map<String, String> env) {
        return new LeasedJob("job-1", "attempt-1", "token", null, "true", env, null);
    }
}
