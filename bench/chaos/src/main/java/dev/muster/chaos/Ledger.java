package dev.muster.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the harness did and was told: every planned job and its submission's answer, cancels, faults. Thread-safe. */
final class Ledger {

    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final Map<String, String> tokensByJobId = new ConcurrentHashMap<>();
    private final List<String> acceptedIds = new CopyOnWriteArrayList<>();
    private final List<FaultRecord> faults = new CopyOnWriteArrayList<>();

    void planned(PlannedJob job) {
        if (submissions.putIfAbsent(job.token(), new Submission(job, Submission.Answer.NONE, null)) != null) {
            throw new IllegalStateException("token planned twice: " + job.token());
        }
    }

    void answered(String token, Submission.Answer answer) {
        submissions.computeIfPresent(token, (t, s) -> new Submission(s.job(), answer, s.cancelStatus()));
        if (answer.jobId() != null && tokensByJobId.putIfAbsent(answer.jobId(), token) == null) {
            acceptedIds.add(answer.jobId());
        }
    }

    void cancelled(String token, int httpStatus) {
        submissions.computeIfPresent(token, (t, s) -> new Submission(s.job(), s.answer(), httpStatus));
    }

    void fault(FaultRecord fault) {
        faults.add(fault);
    }

    Submission submission(String token) {
        return submissions.get(token);
    }

    /** Ids of accepted jobs in the order the answers came. */
    List<String> acceptedIds() {
        return List.copyOf(acceptedIds);
    }

    String tokenOf(String jobId) {
        return tokensByJobId.get(jobId);
    }

    Collection<Submission> submissions() {
        List<Submission> all = new ArrayList<>(submissions.values());
        all.sort(Comparator.comparingInt(s -> Integer.parseInt(s.token().substring(1))));
        return all;
    }

    List<FaultRecord> faults() {
        return List.copyOf(faults);
    }
}
