package dev.muster.chaos;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The outcome of a run: one line per scenario, the violations, as a table on the console and as JSON. */
record Report(String runId, ChaosSettings settings, Instant started, Duration took, List<ScenarioLine> lines,
              List<Violation> violations, long observations) {

    private static final int VIOLATIONS_SHOWN = 40;
    private static final int VIOLATIONS_IN_JSON = 1000;

    /**
     * One scenario's figures.
     *
     * @param replayed            submissions whose first answer was lost and whose retry was answered 200 (same job)
     * @param duplicateExecutions runs of a command beyond one per attempt that counted: the runs of lost attempts
     * @param lostAttempts        attempts that ended LOST or ABANDONED (retried, or the job ran out of attempts)
     */
    record ScenarioLine(Scenario scenario, int submitted, int accepted, int replayed, int faults, int lost,
                        int duplicateOutcomes, int duplicateExecutions, int lostAttempts, RequeueTimes requeue,
                        Throughput throughput, int violations, List<FaultRecord> faultLog) {
    }

    static Report of(String runId, ChaosSettings settings, Instant started, List<Phase.Result> phases, Ledger ledger,
                     Snapshot db, Map<String, Integer> executions, List<Violation> violations, long observations) {
        List<ScenarioLine> lines = phases.stream().map(phase -> line(phase, ledger, db, executions, violations)).toList();
        return new Report(runId, settings, started, Duration.between(started, Instant.now()), lines, violations, observations);
    }

    private static ScenarioLine line(Phase.Result phase, Ledger ledger, Snapshot db, Map<String, Integer> executions,
                                     List<Violation> violations) {
        List<Submission> submissions = ledger.submissions().stream().filter(s -> s.scenario() == phase.scenario()).toList();
        int lostAttempts = 0;
        int duplicateExecutions = 0;
        for (Submission submission : submissions) {
            Snapshot.JobRow job = submission.answer().jobId() != null ? db.jobs().get(submission.answer().jobId())
                    : db.byIdempotencyKey(submission.job().idempotencyKey());
            List<Snapshot.AttemptRow> attempts = job == null ? List.of() : db.attempts(job.id());
            int lost = (int) attempts.stream().filter(Snapshot.AttemptRow::isWorkerFailure).count();
            lostAttempts += lost;
            // A run of an attempt that counted (it exited, timed out…) is no duplicate; a retry after an exit 75 is none either.
            duplicateExecutions += Math.max(0, executions.getOrDefault(submission.token(), 0) - (attempts.size() - lost));
        }
        List<Violation> mine = violations.stream().filter(v -> v.scenario() == phase.scenario()).toList();
        RequeueTimes requeue = RequeueTimes.of(phase.faults(), db);
        return new ScenarioLine(phase.scenario(), submissions.size(),
                (int) submissions.stream().filter(Submission::accepted).count(),
                (int) submissions.stream().filter(s -> s.answer().status() == Submission.Status.REPLAYED).count(),
                phase.faults().size(),
                count(mine, Violation.Rule.LOST),
                (int) mine.stream().filter(v -> v.rule() == Violation.Rule.DUPLICATE_OUTCOME).map(Violation::jobId).distinct().count(),
                duplicateExecutions, lostAttempts, requeue, Throughput.of(phase, db, requeue.lastRequeue()), mine.size(),
                phase.faults());
    }

    private static int count(List<Violation> violations, Violation.Rule rule) {
        return (int) violations.stream().filter(v -> v.rule() == rule).count();
    }

    boolean passed() {
        return violations.isEmpty() && skipped().isEmpty();
    }

    /** Scenarios selected but not run because two earlier ones left jobs that never ended. */
    List<String> skipped() {
        return settings.scenarios().stream().filter(s -> lines.stream().noneMatch(l -> l.scenario() == s)).map(Scenario::id).toList();
    }

    void print(PrintStream out) {
        out.println();
        out.println("Chaos run " + runId + " (" + settings.describe() + "), " + took.toSeconds() + " s, "
                + observations + " state observations");
        String format = "%-18s %6s %6s %7s %6s %5s %9s %9s %9s %-14s %-20s %6s%n";
        out.printf(format, "scenario", "jobs", "accept", "replays", "faults", "lost", "dup-outc", "dup-exec", "lost-att",
                "requeue p50/max", "jobs/s bef/dur/aft", "viol");
        for (ScenarioLine line : lines) {
            out.printf(format, line.scenario().id(), line.submitted(), line.accepted(), line.replayed(), line.faults(),
                    line.lost(), line.duplicateOutcomes(), line.duplicateExecutions(), line.lostAttempts(),
                    line.requeue().summary(), line.throughput().summary(), line.violations());
        }
        for (ScenarioLine line : lines) {
            for (FaultRecord fault : line.faultLog()) {
                out.printf("  %-18s %s: %.1f s%s%s%n", line.scenario().id(), fault.what(), fault.duration().toMillis() / 1000.0,
                        fault.recovered() ? "" : " NOT RECOVERED", fault.detail().isEmpty() ? "" : " (" + fault.detail() + ")");
            }
        }
        if (!skipped().isEmpty()) {
            out.println("  not run (two scenarios did not drain): " + String.join(", ", skipped()));
        }
        if (passed()) {
            out.println("PASSED: no lost job, no second outcome, no state went back, no log gap, nothing ran unasked, "
                    + "every outcome fits its job, no process left behind.");
            return;
        }
        Map<Violation.Rule, Long> byRule = violations.stream()
                .collect(Collectors.groupingBy(Violation::rule, () -> new EnumMap<>(Violation.Rule.class), Collectors.counting()));
        out.println("FAILED: " + violations.size() + " violation(s)");
        byRule.forEach((rule, n) -> out.printf("  (%s) %-18s %5d  %s%n", rule.letter(), rule, n, rule.meaning()));
        violations.stream().limit(VIOLATIONS_SHOWN).forEach(v -> out.println("  " + v));
        if (violations.size() > VIOLATIONS_SHOWN) {
            out.println("  … " + (violations.size() - VIOLATIONS_SHOWN) + " more in the JSON report");
        }
    }

    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(file);
             JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)) {
            json.writeObject(toJson());
        }
    }

    JsonObject toJson() {
        JsonArrayBuilder scenarios = Json.createArrayBuilder();
        for (ScenarioLine line : lines) {
            JsonArrayBuilder faults = Json.createArrayBuilder();
            line.faultLog().forEach(fault -> faults.add(Json.createObjectBuilder()
                    .add("what", fault.what()).add("start", fault.start().toString()).add("end", fault.end().toString())
                    .add("seconds", fault.duration().toMillis() / 1000.0).add("recovered", fault.recovered())
                    .add("lostWorkers", Json.createArrayBuilder(fault.lostWorkers())).add("detail", fault.detail())));
            JsonObjectBuilder requeue = Json.createObjectBuilder().add("count", line.requeue().times().size())
                    .add("notRequeued", line.requeue().notRequeued());
            if (!line.requeue().times().isEmpty()) {
                requeue.add("p50Seconds", RequeueTimes.seconds(line.requeue().percentile(50)))
                        .add("maxSeconds", RequeueTimes.seconds(line.requeue().times().get(line.requeue().times().size() - 1)));
            }
            scenarios.add(Json.createObjectBuilder()
                    .add("scenario", line.scenario().id())
                    .add("jobsSubmitted", line.submitted())
                    .add("accepted", line.accepted())
                    .add("replayedSubmits", line.replayed())
                    .add("faultsInjected", line.faults())
                    .add("lost", line.lost())
                    .add("duplicateOutcomes", line.duplicateOutcomes())
                    .add("duplicateExecutions", line.duplicateExecutions())
                    .add("lostAttempts", line.lostAttempts())
                    .add("requeue", requeue)
                    .add("throughputJobsPerSecond", Json.createObjectBuilder()
                            .add("beforeFaults", number(line.throughput().before()))
                            .add("duringFaults", number(line.throughput().during()))
                            .add("afterFaults", number(line.throughput().after())))
                    .add("violations", line.violations())
                    .add("faults", faults));
        }
        JsonArrayBuilder found = Json.createArrayBuilder();
        violations.stream().limit(VIOLATIONS_IN_JSON).forEach(v -> found.add(Json.createObjectBuilder()
                .add("rule", v.rule().name()).add("letter", v.rule().letter())
                .add("scenario", v.scenario() == null ? "-" : v.scenario().id())
                .add("token", v.token() == null ? "-" : v.token())
                .add("jobId", v.jobId() == null ? "-" : v.jobId())
                .add("message", v.message())));
        return Json.createObjectBuilder()
                .add("runId", runId)
                .add("seed", settings.seed())
                .add("settings", settings.describe())
                .add("startedAt", started.toString())
                .add("durationSeconds", took.toSeconds())
                .add("passed", passed())
                .add("observations", observations)
                .add("scenarios", scenarios)
                .add("skippedScenarios", Json.createArrayBuilder(skipped()))
                .add("violationCount", violations.size())
                .add("violations", found)
                .build();
    }

    private static jakarta.json.JsonValue number(double value) {
        return Double.isNaN(value) ? jakarta.json.JsonValue.NULL : Json.createValue(Math.round(value * 100) / 100.0);
    }
}
