package dev.muster.chaos;

import java.util.Random;
import java.util.function.Consumer;

/** What a fault may touch: the running cluster, the API, and the run's job plan and ledger (for faults that submit). */
record FaultContext(Scenario scenario, Cluster cluster, Workload workload, Submitter submitter, Ledger ledger,
                    Random random, ChaosSettings settings, Consumer<String> log) {
}
