package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;
import dev.muster.chaos.Snapshot.ChunkRow;
import dev.muster.chaos.Snapshot.JobRow;
import dev.muster.chaos.Violation.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a run from its {@link Evidence}, one method per invariant. Every job row in the database is matched to the
 * submission it came from: by the id the server answered, or, for a submission that never got an answer, by its
 * idempotency key.
 */
final class Checker {

    static final String TRUNCATION_MARKER = "bytes of log dropped]";

    private final Evidence evidence;
    private final Snapshot db;
    private final Map<String, Submission> byJobId = new HashMap<>();
    private final Map<String, Submission> byKey = new HashMap<>();
    private final Map<String, Submission> byToken = new HashMap<>();

    Checker(Evidence evidence) {
        this.evidence = evidence;
        this.db = evidence.db();
        for (Submission submission : evidence.submissions()) {
            byToken.put(submission.token(), submission);
            byKey.put(submission.job().idempotencyKey(), submission);
            JobRow job = jobOf(submission);
            if (job != null) {
                byJobId.put(job.id(), submission);
            }
        }
    }

    List<Violation> check() {
        List<Violation> all = new ArrayList<>();
        all.addAll(everySubmissionWasAnswered());
        all.addAll(everyAcceptedJobIsTerminal());
        all.addAll(oneOutcomePerJob());
        all.addAll(statesNeverWentBack());
        all.addAll(logsAreComplete());
        all.addAll(nothingRanUnasked());
        all.addAll(outcomesFitTheirKind());
        all.addAll(noProcessLeftBehind());
        all.addAll(everythingRecovered());
        return all;
    }

    /** (s) The contract's jobs are valid: each must be answered 201/200 in the end (retries included). */
    List<Violation> everySubmissionWasAnswered() {
        List<Violation> found = new ArrayList<>();
        for (Submission submission : evidence.submissions()) {
            Submission.Answer answer = submission.answer();
            if (answer.status() == Submission.Status.REFUSED) {
                found.add(about(Rule.SUBMISSION, submission, null, "refused with " + answer.httpStatus() + ": " + abbreviate(answer.detail())));
            } else if (answer.status() == Submission.Status.UNANSWERED) {
                found.add(about(Rule.SUBMISSION, submission, null, "never answered after " + answer.tries() + " tries: " + abbreviate(answer.detail())));
            }
        }
        return found;
    }

    /** (a) Every job the server accepted (or created for a submission whose answer was lost) exists and is terminal. */
    List<Violation> everyAcceptedJobIsTerminal() {
        List<Violation> found = new ArrayList<>();
        for (Submission submission : evidence.submissions()) {
            JobRow job = jobOf(submission);
            if (submission.accepted() && job == null) {
                found.add(about(Rule.LOST, submission, submission.answer().jobId(), "accepted (" + submission.answer().httpStatus()
                        + ") but not in the database"));
            } else if (job != null && !job.isTerminal()) {
                found.add(about(Rule.LOST, submission, job.id(), "still " + job.state() + " after the drain"));
            }
        }
        return found;
    }

    /** (b) One outcome per terminal job: see {@link AttemptHistory}. */
    List<Violation> oneOutcomePerJob() {
        List<Violation> found = new ArrayList<>();
        for (JobRow job : db.jobs().values()) {
            if (job.isTerminal()) {
                AttemptHistory.problems(job, db.attempts(job.id()))
                        .forEach(problem -> found.add(aboutJob(Rule.DUPLICATE_OUTCOME, job, problem)));
            }
        }
        return found;
    }

    /** (c) What the observer saw during the run, and finishedAt against the final state. */
    List<Violation> statesNeverWentBack() {
        List<Violation> found = new ArrayList<>();
        for (Observer.StateAnomaly anomaly : evidence.anomalies()) {
            JobRow job = db.jobs().get(anomaly.jobId());
            found.add(job == null ? new Violation(Rule.STATE_WENT_BACK, null, null, anomaly.jobId(), anomaly.message())
                    : aboutJob(Rule.STATE_WENT_BACK, job, "observed: " + anomaly.message()));
        }
        for (JobRow job : db.jobs().values()) {
            if (job.isTerminal() && job.finishedAt() == null) {
                found.add(aboutJob(Rule.STATE_WENT_BACK, job, job.state() + " without finished_at"));
            } else if (!job.isTerminal() && job.finishedAt() != null) {
                found.add(aboutJob(Rule.STATE_WENT_BACK, job, job.state() + " with finished_at " + job.finishedAt()));
            }
        }
        return found;
    }

    /**
     * (d) The current attempt of a SUCCEEDED or FAILED job has chunks 0..max without holes, and a job whose output is
     * known printed exactly that (unless the worker dropped part of it and said so). A log the server truncated may
     * miss the chunks it recorded as dropped, and only those.
     */
    List<Violation> logsAreComplete() {
        List<Violation> found = new ArrayList<>();
        for (JobRow job : db.jobs().values()) {
            if (!(job.state().equals("SUCCEEDED") || job.state().equals("FAILED")) || job.currentAttemptId() == null) {
                continue;
            }
            List<ChunkRow> chunks = db.chunks(job.currentAttemptId());
            Snapshot.Truncation truncation = db.truncation(job.currentAttemptId());
            for (int i = 0, seq = 0; i < chunks.size(); i++, seq++) {
                if (truncation != null && seq == truncation.headLastSeq() + 1) {
                    seq = truncation.droppedThroughSeq() + 1; // the dropped middle of a truncated log, marked as such
                }
                if (chunks.get(i).seq() != seq) {
                    found.add(aboutJob(Rule.LOG_GAP, job, "log chunk seqs " + chunks.stream().map(ChunkRow::seq).toList()
                            + " have a hole at " + i));
                    break;
                }
            }
            Submission submission = byJobId.get(job.id());
            String expected = submission == null ? null : submission.job().expectedLog();
            // A job that ended otherwise than its kind must is reported by (f); its log was never going to match.
            if (expected != null && truncation == null && endedAsItMust(submission, job)) {
                String log = String.join("", chunks.stream().map(ChunkRow::data).toList());
                if (!log.equals(expected) && !log.contains(TRUNCATION_MARKER)) {
                    found.add(aboutJob(Rule.LOG_GAP, job, "log is " + abbreviate(log) + ", expected " + abbreviate(expected)));
                }
            }
        }
        return found;
    }

    private boolean endedAsItMust(Submission submission, JobRow job) {
        List<AttemptRow> attempts = db.attempts(job.id());
        return !attempts.isEmpty() && attempts.get(attempts.size() - 1).state().equals("EXITED")
                && submission.job().kind().misfit(job, attempts, submission.cancelStatus()) == null;
    }

    /**
     * (e) Every job row comes from a submission of the harness (by answered id or idempotency key), every token in
     * the executions file belongs to such a job, and no job ran more often than it had attempts.
     */
    List<Violation> nothingRanUnasked() {
        List<Violation> found = new ArrayList<>();
        for (JobRow job : db.jobs().values()) {
            Submission submission = byJobId.get(job.id());
            if (submission == null) {
                Submission sameKey = job.idempotencyKey() == null ? null : byKey.get(job.idempotencyKey());
                found.add(new Violation(Rule.UNASKED_RUN, sameKey == null ? null : sameKey.scenario(),
                        sameKey == null ? null : sameKey.token(), job.id(), sameKey == null
                        ? "job in the database that the harness never submitted (key " + job.idempotencyKey() + ")"
                        : "second job for key " + job.idempotencyKey() + "; the harness was answered " + sameKey.answer().jobId()));
            }
        }
        for (Map.Entry<String, Integer> execution : evidence.executions().entrySet()) {
            Submission submission = byToken.get(execution.getKey());
            JobRow job = submission == null ? null : jobOf(submission);
            if (job == null) {
                found.add(new Violation(Rule.UNASKED_RUN, submission == null ? null : submission.scenario(), execution.getKey(), null,
                        "ran " + execution.getValue() + " time(s) but no job of the harness exists for it"));
            } else if (execution.getValue() > job.attemptCount()) {
                found.add(about(Rule.UNASKED_RUN, submission, job.id(), "ran " + execution.getValue() + " times but had only "
                        + job.attemptCount() + " attempt(s)"));
            }
        }
        return found;
    }

    /** (f) Each kind ends as it must (see {@link JobKind#misfit}); an exit recorded for a job that never ran is wrong too. */
    List<Violation> outcomesFitTheirKind() {
        List<Violation> found = new ArrayList<>();
        for (Submission submission : evidence.submissions()) {
            JobRow job = jobOf(submission);
            if (job == null || !job.isTerminal()) {
                continue;
            }
            String misfit = submission.job().kind().misfit(job, db.attempts(job.id()), submission.cancelStatus());
            if (misfit != null) {
                found.add(about(Rule.WRONG_OUTCOME, submission, job.id(), misfit));
            }
            boolean exited = job.state().equals("SUCCEEDED") || "exit-code".equals(job.reason());
            if (exited && evidence.executions().getOrDefault(submission.token(), 0) == 0) {
                found.add(about(Rule.WRONG_OUTCOME, submission, job.id(), job.state() + " with an exit code, but its command never ran"));
            }
        }
        return found;
    }

    /** (g) No process of any job is alive once every job is terminal (timeouts and cancels kill the whole tree). */
    List<Violation> noProcessLeftBehind() {
        List<Violation> found = new ArrayList<>();
        for (LeftoverProcesses.Leftover leftover : evidence.leftovers()) {
            Submission submission = byToken.get(leftover.token());
            JobRow job = submission == null ? null : jobOf(submission);
            found.add(new Violation(Rule.LEFTOVER_PROCESS, submission == null ? null : submission.scenario(), leftover.token(),
                    job == null ? null : job.id(), "pid " + leftover.pid() + " still running after its job ended"
                    + (job == null ? "" : " " + job.state()) + ": " + abbreviate(leftover.commandLine())));
        }
        return found;
    }

    /** (r) The server is ready again after every fault, and no worker died unless a fault killed it. */
    List<Violation> everythingRecovered() {
        List<Violation> found = new ArrayList<>();
        for (FaultRecord fault : evidence.faults()) {
            if (!fault.recovered()) {
                found.add(new Violation(Rule.RECOVERY, fault.scenario(), null, null, fault.what() + ": not recovered " + fault.detail()));
            }
        }
        evidence.workerExits().forEach(exit -> found.add(new Violation(Rule.RECOVERY, null, null, null, exit)));
        return found;
    }

    /** The job a submission made: the answered id, else whatever row carries its idempotency key. */
    private JobRow jobOf(Submission submission) {
        if (submission.answer().jobId() != null) {
            return db.jobs().get(submission.answer().jobId());
        }
        return db.byIdempotencyKey(submission.job().idempotencyKey());
    }

    private Violation about(Rule rule, Submission submission, String jobId, String message) {
        return new Violation(rule, submission.scenario(), submission.token(), jobId, message);
    }

    private Violation aboutJob(Rule rule, JobRow job, String message) {
        Submission submission = byJobId.get(job.id());
        return new Violation(rule, submission == null ? null : submission.scenario(), submission == null ? null : submission.token(),
                job.id(), message);
    }

    private static String abbreviate(String text) {
        String quoted = "\"" + String.valueOf(text).replace("\n", "\\n") + "\"";
        return quoted.length() <= 120 ? quoted : quoted.substring(0, 117) + "…\"";
    }
}
