package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;
import dev.muster.chaos.Snapshot.JobRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures of the report that are not pass/fail: requeue times, throughput windows; and the scenario list. */
class ReportFiguresTest {

    private static final Instant KILL = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void requeueTimeRunsFromTheFaultToTheNextAttemptOfEachAttemptTheLostWorkerHeld() {
        List<AttemptRow> attempts = List.of(
                attempt("j1", 1, "w-dead", "LOST", -3, 5),
                attempt("j1", 2, "w-ok", "EXITED", 7, 8),
                attempt("j2", 1, "w-dead", "LOST", -1, 5),
                attempt("j2", 2, "w-ok", "EXITED", 9, 10),
                // ended before the fault: not the fault's doing
                attempt("j3", 1, "w-dead", "EXITED", -5, -4),
                // another worker's lost attempt
                attempt("j4", 1, "w-ok", "LOST", -2, 5),
                attempt("j4", 2, "w-ok", "EXITED", 6, 7));
        Snapshot db = Snapshot.of(List.of(), attempts, List.of(), Map.of("w-dead", "chaos-w1", "w-ok", "chaos-w2"));
        FaultRecord kill = new FaultRecord(Scenario.WORKER_KILL, "worker chaos-w1 killed", KILL, KILL, List.of("chaos-w1"), true, "");

        RequeueTimes times = RequeueTimes.of(List.of(kill), db);

        assertThat(times.times()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(9));
        assertThat(times.lastRequeue()).isEqualTo(KILL.plusSeconds(9));
        assertThat(times.summary()).isEqualTo("7.0/9.0 s");
    }

    @Test
    void throughputCountsJobsFinishedInEachWindowAndDuringLastsUntilTheLastRequeue() {
        Instant start = KILL.minusSeconds(10);
        List<JobRow> jobs = List.of(finished(-9), finished(-5), finished(-1), finished(2), finished(12), finished(15));
        Phase.Result phase = new Phase.Result(Scenario.WORKER_KILL, start, KILL.plusSeconds(20),
                List.of(new FaultRecord(Scenario.WORKER_KILL, "kill", KILL, KILL, List.of("chaos-w1"), true, "")), true, List.of());

        Throughput throughput = Throughput.of(phase, Snapshot.of(jobs, List.of(), List.of(), Map.of()), KILL.plusSeconds(10));

        assertThat(throughput.before()).isEqualTo(0.3);
        assertThat(throughput.during()).isEqualTo(0.1);
        assertThat(throughput.after()).isEqualTo(0.2);
    }

    @Test
    void scenariosAreChosenByNameOrAll() {
        assertThat(Scenario.parse("all", 2)).hasSize(Scenario.values().length);
        assertThat(Scenario.parse("server-kill, worker-stop", 1)).containsExactly(Scenario.SERVER_KILL, Scenario.WORKER_STOP);
        assertThatThrownBy(() -> Scenario.parse("server-stop", 1)).hasMessageContaining("unknown scenario 'server-stop'");
    }

    @Test
    void instanceKillNeedsTwoInstances() {
        assertThat(Scenario.parse("all", 1)).doesNotContain(Scenario.INSTANCE_KILL).hasSize(Scenario.values().length - 1);
        assertThatThrownBy(() -> Scenario.parse("instance-kill", 1)).hasMessageContaining("chaos.servers=2");
        assertThat(Scenario.parse("instance-kill", 2)).containsExactly(Scenario.INSTANCE_KILL);
    }

    private static AttemptRow attempt(String job, int number, String worker, String state, int startSecond, int endSecond) {
        return new AttemptRow(job + "-" + number, job, number, worker, state, state.equals("EXITED") ? 0 : null,
                KILL.plusSeconds(startSecond), KILL.plusSeconds(endSecond));
    }

    private static JobRow finished(int second) {
        return new JobRow("job" + second, "chaos", "SUCCEEDED", null, 0, 1, null, 5, Set.of(), null, KILL, KILL.plusSeconds(second));
    }
}
