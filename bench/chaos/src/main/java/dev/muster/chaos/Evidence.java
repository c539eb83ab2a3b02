package dev.muster.chaos;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything the checker judges: the database after the run, what the harness submitted and was told, how often each
 * token really ran, what the observer saw during the run, the job processes still alive after it, the faults, and
 * workers that exited without being told to.
 */
record Evidence(Snapshot db, Collection<Submission> submissions, Map<String, Integer> executions,
                List<Observer.StateAnomaly> anomalies, List<LeftoverProcesses.Leftover> leftovers,
                List<FaultRecord> faults, List<String> workerExits) {
}
