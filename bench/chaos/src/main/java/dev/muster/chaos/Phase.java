package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One scenario's part of the run: its share of the job mix submitted at a steady pace, its faults injected at random
 * moments meanwhile, then a drain until every job is terminal, then a look for job processes left alive.
 */
final class Phase {

    /** Time for a worker to kill what it was told to kill before a surviving process counts as left behind. */
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);

    /**
     * @param drained   false when the drain limit passed with jobs still QUEUED or RUNNING
     * @param leftovers job processes alive after the drain (killed by the harness since)
     */
    record Result(Scenario scenario, Instant start, Instant end, List<FaultRecord> faults,
                  boolean drained, List<LeftoverProcesses.Leftover> leftovers) {

        /** When the first fault began, or the end when none was injected. */
        Instant faultsStart() {
            return faults.stream().map(FaultRecord::start).min(Instant::compareTo).orElse(end);
        }

        /** When the last fault was over. */
        Instant faultsEnd() {
            return faults.stream().map(FaultRecord::end).max(Instant::compareTo).orElse(end);
        }
    }

    private Phase() {
    }

    /** @param stuck jobs earlier phases could not drain, not waited for again */
    static Result run(FaultContext context, Set<String> stuck) throws Exception {
        ChaosSettings settings = context.settings();
        Scenario scenario = context.scenario();
        Duration window = settings.submitWindow();
        context.log().accept("== " + scenario.id() + ": " + settings.jobsPerScenario() + " jobs over " + window.toSeconds()
                + " s, " + settings.faultsPerScenario() + " fault(s)");
        Instant start = Instant.now();
        List<PlannedJob> jobs = context.workload().mix(scenario, settings.jobsPerScenario());
        var submissions = context.submitter().paced(jobs, window);
        var faults = FaultInjector.inject(context, settings.faultsPerScenario(), window);
        List<FaultRecord> injected = faults.get(window.toMinutes() + 30, TimeUnit.MINUTES);
        submissions.get(window.toMinutes() + 30, TimeUnit.MINUTES);
        boolean drained = Drain.await(new LiveQueries(context.cluster().database()), stuck, settings.phaseDrainTimeout(),
                scenario.id(), context.log());
        Instant end = Instant.now();
        Thread.sleep(LEFTOVER_GRACE.toMillis());
        // Undrained, a live process may belong to a job that legitimately still runs: not evidence, just cleanup later.
        // So may one of a job an earlier phase left stuck.
        Set<String> stuckTokens = stuck.stream().map(context.ledger()::tokenOf).filter(Objects::nonNull).collect(Collectors.toSet());
        List<LeftoverProcesses.Leftover> leftovers = !drained ? List.of()
                : LeftoverProcesses.find(context.workload().runId()).stream().filter(l -> !stuckTokens.contains(l.token())).toList();
        if (!leftovers.isEmpty()) {
            context.log().accept(scenario.id() + ": " + leftovers.size() + " job process(es) still alive after the drain; killing them");
            LeftoverProcesses.kill(leftovers);
        }
        replaceDeadWorkers(context);
        return new Result(scenario, start, end, injected, drained, leftovers);
    }

    private static void replaceDeadWorkers(FaultContext context) throws java.io.IOException {
        WorkerProcesses workers = context.cluster().workers();
        int missing = context.settings().workers() - workers.alive().size();
        for (int i = 0; i < missing; i++) {
            context.log().accept("a worker exited on its own; starting " + workers.start().name());
        }
    }
}
