package dev.muster.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The faults a run can inject, one phase of the run each; selected with {@code -Dchaos.scenarios=a,b} or {@code all}. */
enum Scenario {
    // In the order "all" runs them: the faults that take the longest to recover from come last.
    WORKER_KILL("worker-kill", () -> List.of(new WorkerKill())),
    WORKER_STOP("worker-stop", () -> List.of(new WorkerStop())),
    TERM_IGNORING_JOB("term-ignoring-job", () -> List.of(new TermIgnoringJobs(), new CancelRunningJobs())),
    INSTANCE_KILL("instance-kill", () -> List.of(new InstanceKill())),
    SERVER_KILL("server-kill", () -> List.of(new ServerKill())),
    DATABASE_RESTART("database-restart", () -> List.of(new DatabaseRestart())),
    BROKER_RESTART("broker-restart", () -> List.of(new BrokerRestart()));

    private final String id;
    private final Supplier<List<Fault>> faults;

    Scenario(String id, Supplier<List<Fault>> faults) {
        this.id = id;
        this.faults = faults;
    }

    String id() {
        return id;
    }

    /** What one injection of this scenario does, in order. */
    List<Fault> faults() {
        return faults.get();
    }

    /** @param servers instance-kill needs two instances at least; "all" includes it only then */
    static List<Scenario> parse(String list, int servers) {
        if (list.trim().equalsIgnoreCase("all")) {
            return Arrays.stream(values()).filter(s -> s != INSTANCE_KILL || servers >= 2).toList();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String part : list.split(",")) {
            String wanted = part.trim().toLowerCase(Locale.ROOT);
            chosen.add(Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + wanted + "'; known: all, "
                            + String.join(", ", Arrays.stream(values()).map(Scenario::id).toList()))));
        }
        if (chosen.contains(INSTANCE_KILL) && servers < 2) {
            throw new IllegalArgumentException("instance-kill needs chaos.servers=2 or more, got " + servers);
        }
        return List.copyOf(chosen);
    }
}
