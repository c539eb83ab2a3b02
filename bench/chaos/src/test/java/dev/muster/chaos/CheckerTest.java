package dev.muster.chaos;

import dev.muster.chaos.Violation.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the checker passes a clean run and fails the one thing it is about. */
class CheckerTest {

    @TempDir
    Path dir;
    Fixture run;

    @BeforeEach
    void aRunWithEveryKind() throws Exception {
        run = new Fixture(dir);
        for (JobKind kind : JobKind.values()) {
            run.job(kind);
        }
    }

    @Test
    void aCleanRunHasNoViolations() {
        assertThat(run.check()).isEmpty();
    }

    @Test
    void lostAttemptsBeforeTheOutcomeAreNoViolation() {
        Fixture.Job job = run.job(JobKind.SEQ_LOG);
        run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "LOST", null, a.startedAt(), a.finishedAt()));
        run.attempt(job.id(), "ABANDONED", null);
        run.attempt(job.id(), "EXITED", 0);
        run.log(job.id(), Workload.SEQ_LOG);
        run.executions.put(job.token(), 3);

        assertThat(run.check()).isEmpty();
    }

    private List<Violation> violations(Rule rule) {
        return run.check().stream().filter(v -> v.rule() == rule).toList();
    }

    @Nested
    class Submissions {
        @Test
        void aRefusedSubmissionFails() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.jobs.remove(job.id());
            run.executions.remove(job.token());
            run.answer(job.token(), new Submission.Answer(Submission.Status.REFUSED, null, 400, 1, "{\"detail\":\"bad\"}"));

            assertThat(violations(Rule.SUBMISSION)).singleElement().extracting(Violation::message).asString().contains("refused with 400");
        }

        @Test
        void aSubmissionNeverAnsweredFails() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.answer(job.token(), new Submission.Answer(Submission.Status.UNANSWERED, null, 0, 40, "connection refused"));

            assertThat(violations(Rule.SUBMISSION)).singleElement().extracting(Violation::token).isEqualTo(job.token());
        }
    }

    @Nested
    class A_Lost {
        @Test
        void anAcceptedJobMissingFromTheDatabase() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.jobs.remove(job.id());
            run.executions.remove(job.token());

            assertThat(violations(Rule.LOST)).singleElement().extracting(Violation::message).asString().contains("not in the database");
        }

        @Test
        void anAcceptedJobStillQueued() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.state(job.id(), "QUEUED", null, null);

            assertThat(violations(Rule.LOST)).singleElement().extracting(Violation::message).asString().contains("still QUEUED");
        }

        @Test
        void aJobMadeByAnUnansweredSubmissionMustEndToo() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.answer(job.token(), new Submission.Answer(Submission.Status.UNANSWERED, null, 0, 3, "reset"));
            run.state(job.id(), "RUNNING", null, null);

            assertThat(violations(Rule.LOST)).singleElement().extracting(Violation::jobId).isEqualTo(job.id());
        }
    }

    @Nested
    class B_DuplicateOutcome {
        @Test
        void aLateResultRecordedOnTheLostAttempt() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.attempt(job.id(), "EXITED", 0);
            run.executions.put(job.token(), 2);

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("attempt 1 ended EXITED exit 0 and is not the current one");
        }

        @Test
        void aFailureFollowedByAnotherAttempt() {
            Fixture.Job job = run.job(JobKind.EXIT_3);
            run.attempt(job.id(), "EXITED", 3);
            run.log(job.id(), "failing " + job.token() + "\n");
            run.executions.put(job.token(), 2);

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).hasSize(1);
        }

        @Test
        void anActiveAttemptOfATerminalJob() {
            Fixture.Job job = run.job(JobKind.LONG);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "ACTIVE", null, a.startedAt(), null));

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("still ACTIVE"));
        }

        @Test
        void aHoleInTheAttemptNumbers() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 2, a.workerId(), a.state(), a.exitCode(), a.startedAt(), a.finishedAt()));

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("attempt numbers [2]"));
        }

        @Test
        void theCurrentAttemptIsNotTheLastOne() {
            Fixture.Job job = run.job(JobKind.NOOP);
            String first = run.jobs.get(job.id()).currentAttemptId();
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "LOST", null, a.startedAt(), a.finishedAt()));
            run.attempt(job.id(), "LOST", null);
            run.job(job.id(), j -> new Snapshot.JobRow(j.id(), j.pool(), "SUCCEEDED", null, 0, 2, first, j.maxAttempts(),
                    j.retryExitCodes(), j.idempotencyKey(), j.startedAt(), j.finishedAt()));

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).extracting(Violation::message)
                    .anySatisfy(m -> assertThat(m).contains("current attempt is not the last one"));
        }

        @Test
        void aJobStateTheCurrentAttemptDoesNotCarry() {
            Fixture.Job job = run.job(JobKind.TIMEOUT);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "EXITED", 0, a.startedAt(), a.finishedAt()));

            assertThat(violations(Rule.DUPLICATE_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("job TIMED_OUT but its current attempt 1 ended EXITED exit 0");
        }
    }

    @Nested
    class C_StateWentBack {
        @Test
        void theObserverSawAJobLeaveATerminalState() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.anomalies.add(new Observer.StateAnomaly(job.id(), "left terminal state SUCCEEDED for RUNNING"));

            assertThat(violations(Rule.STATE_WENT_BACK)).singleElement().extracting(Violation::token).isEqualTo(job.token());
        }

        @Test
        void aTerminalJobWithoutFinishedAt() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.job(job.id(), j -> new Snapshot.JobRow(j.id(), j.pool(), j.state(), j.reason(), j.exitCode(), j.attemptCount(),
                    j.currentAttemptId(), j.maxAttempts(), j.retryExitCodes(), j.idempotencyKey(), j.startedAt(), null));

            assertThat(violations(Rule.STATE_WENT_BACK)).singleElement().extracting(Violation::message).asString().contains("without finished_at");
        }

        @Test
        void aQueuedJobWithFinishedAt() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.state(job.id(), "QUEUED", null, null);
            run.job(job.id(), j -> new Snapshot.JobRow(j.id(), j.pool(), j.state(), j.reason(), j.exitCode(), j.attemptCount(),
                    j.currentAttemptId(), j.maxAttempts(), j.retryExitCodes(), j.idempotencyKey(), j.startedAt(), Instant.now()));

            assertThat(violations(Rule.STATE_WENT_BACK)).singleElement().extracting(Violation::message).asString().contains("QUEUED with finished_at");
        }
    }

    @Nested
    class ObserverRules {
        @Test
        void terminalStatesAreFinalAndAttemptCountsNeverDrop() {
            Observer observer = new Observer(null, new Ledger(), new java.util.Random(1));
            observer.observe(MusterApi.parse("{\"id\":\"j1\",\"state\":\"RUNNING\",\"attempts\":2,\"finishedAt\":null}"));
            observer.observe(MusterApi.parse("{\"id\":\"j1\",\"state\":\"QUEUED\",\"attempts\":2,\"finishedAt\":null}"));
            observer.observe(MusterApi.parse("{\"id\":\"j1\",\"state\":\"SUCCEEDED\",\"attempts\":3,\"finishedAt\":\"2026-01-01T00:00:00Z\"}"));
            assertThat(observer.anomalies()).isEmpty();

            observer.observe(MusterApi.parse("{\"id\":\"j1\",\"state\":\"RUNNING\",\"attempts\":2,\"finishedAt\":null}"));
            observer.observe(MusterApi.parse("{\"id\":\"j2\",\"state\":\"FAILED\",\"attempts\":1,\"finishedAt\":null}"));

            assertThat(observer.anomalies()).extracting(Observer.StateAnomaly::message).containsExactly(
                    "left terminal state SUCCEEDED for RUNNING", "attempt count went down from 3 to 2",
                    "terminal FAILED without finishedAt");
        }
    }

    @Nested
    class D_LogGap {
        @Test
        void aMissingChunk() {
            Fixture.Job job = run.job(JobKind.SEQ_LOG);
            String attempt = run.jobs.get(job.id()).currentAttemptId();
            run.chunks.put(attempt, List.of(run.chunks.get(attempt).get(1)));

            assertThat(violations(Rule.LOG_GAP)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("hole at 0"));
        }

        @Test
        void aLogThatIsNotWhatTheJobPrinted() {
            Fixture.Job job = run.job(JobKind.ECHO);
            run.log(job.id(), "hello somebody else\n");

            assertThat(violations(Rule.LOG_GAP)).singleElement().extracting(Violation::message).asString().contains("expected \"hello " + job.token());
        }

        @Test
        void aLogTheServerTruncatedMayMissItsDroppedMiddleOnly() {
            Fixture.Job whole = run.job(JobKind.SEQ_LOG);
            run.truncatedLog(whole.id(), 2, 6, 9);
            assertThat(violations(Rule.LOG_GAP)).isEmpty();

            Fixture.Job holed = run.job(JobKind.SEQ_LOG);
            run.truncatedLog(holed.id(), 2, 6, 9);
            run.chunks.get(run.jobs.get(holed.id()).currentAttemptId()).remove(4); // seq 8, not dropped
            assertThat(violations(Rule.LOG_GAP)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("hole at"));
        }

        @Test
        void aTruncatedLogThatSaysSoIsAccepted() {
            Fixture.Job job = run.job(JobKind.SEQ_LOG);
            run.log(job.id(), "1\n[muster: 1234 bytes of log dropped]\n");

            assertThat(violations(Rule.LOG_GAP)).isEmpty();
        }
    }

    @Nested
    class E_UnaskedRun {
        @Test
        void aJobNobodySubmitted() {
            run.jobs.put("stranger", new Snapshot.JobRow("stranger", "chaos", "SUCCEEDED", null, 0, 0, null, 1, java.util.Set.of(),
                    null, Instant.now(), Instant.now()));

            assertThat(violations(Rule.UNASKED_RUN)).singleElement().extracting(Violation::jobId).isEqualTo("stranger");
        }

        @Test
        void aJobFoundOnlyByTheKeyOfAnUnansweredSubmissionIsExpected() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.answer(job.token(), new Submission.Answer(Submission.Status.UNANSWERED, null, 0, 3, "reset"));

            assertThat(violations(Rule.UNASKED_RUN)).isEmpty();
        }

        @Test
        void aSecondJobForAKeyTheHarnessWasAnsweredFor() {
            Fixture.Job job = run.job(JobKind.NOOP);
            Snapshot.JobRow first = run.jobs.get(job.id());
            run.jobs.put("twin", new Snapshot.JobRow("twin", first.pool(), "SUCCEEDED", null, 0, 0, null, 1, first.retryExitCodes(),
                    first.idempotencyKey(), first.startedAt(), first.finishedAt()));

            assertThat(violations(Rule.UNASKED_RUN)).singleElement().extracting(Violation::message).asString().contains("second job for key");
        }

        @Test
        void aTokenThatRanWithoutAJob() {
            run.executions.put("t999", 1);

            assertThat(violations(Rule.UNASKED_RUN)).singleElement().extracting(Violation::token).isEqualTo("t999");
        }

        @Test
        void moreRunsThanAttempts() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.executions.put(job.token(), 2);

            assertThat(violations(Rule.UNASKED_RUN)).singleElement().extracting(Violation::message).asString()
                    .contains("ran 2 times but had only 1 attempt");
        }
    }

    @Nested
    class F_WrongOutcome {
        @Test
        void anExit3JobThatSucceeded() {
            Fixture.Job job = run.job(JobKind.EXIT_3);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "EXITED", 0, a.startedAt(), a.finishedAt()));
            run.state(job.id(), "SUCCEEDED", null, 0);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("expected FAILED (exit-code) exit 3, got SUCCEEDED");
        }

        @Test
        void aRetryOnceJobWithoutItsRetry() {
            Fixture.Job retry = run.job(JobKind.RETRY_ONCE);
            run.attempts.remove(retry.id());
            run.attempt(retry.id(), "EXITED", 0);
            run.log(retry.id(), "second\n");
            run.executions.put(retry.token(), 1);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("expected 2 attempts (exit 75, then exit 0)");
        }

        @Test
        void aRetryOnceJobWhoseMarkerAttemptWasLostIsFine() {
            Fixture.Job retry = run.job(JobKind.RETRY_ONCE);
            run.attempt(retry.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "LOST", null, a.startedAt(), a.finishedAt()));

            assertThat(run.check()).isEmpty();
        }

        @Test
        void aTimeoutJobThatWasNotTimedOut() {
            Fixture.Job job = run.job(JobKind.TERM_IGNORING);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "EXITED", 143, a.startedAt(), a.finishedAt()));
            run.state(job.id(), "FAILED", "exit-code", 143);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("expected TIMED_OUT (timeout), got FAILED (exit-code) exit 143");
        }

        @Test
        void aCancelledJobThatSucceeded() {
            Fixture.Job job = run.job(JobKind.CANCEL_RUNNING);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "EXITED", 0, a.startedAt(), a.finishedAt()));
            run.state(job.id(), "SUCCEEDED", null, 0);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString().contains("expected CANCELLED");
        }

        @Test
        void aJobTheHarnessNeverGotToCancelMustRunToItsEnd() {
            Fixture.Job job = run.job(JobKind.CANCEL_RUNNING);
            run.cancelStatus(job.token(), null);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("expected SUCCEEDED");
        }

        @Test
        void aCancelTheServerDidNotUnderstand() {
            Fixture.Job job = run.job(JobKind.CANCEL_RUNNING);
            run.cancelStatus(job.token(), 404);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString().contains("cancel answered 404");
        }

        @Test
        void aJobExhaustedByLostWorkersIsExplainedByTheFaults() {
            Fixture.Job job = run.job(JobKind.LONG);
            run.attempts.remove(job.id());
            for (int i = 0; i < PlannedJob.MAX_ATTEMPTS; i++) {
                run.attempt(job.id(), "LOST", null);
            }
            run.state(job.id(), "FAILED", "worker-lost", null);
            run.executions.put(job.token(), PlannedJob.MAX_ATTEMPTS);

            assertThat(violations(Rule.WRONG_OUTCOME)).isEmpty();
        }

        @Test
        void aJobThatGaveUpBeforeItsAttemptsRanOut() {
            Fixture.Job job = run.job(JobKind.LONG);
            run.attempt(job.id(), 1, a -> new Snapshot.AttemptRow(a.id(), a.jobId(), 1, a.workerId(), "LOST", null, a.startedAt(), a.finishedAt()));
            run.state(job.id(), "FAILED", "worker-lost", null);

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString()
                    .contains("expected SUCCEEDED exit 0, got FAILED (worker-lost)");
        }

        @Test
        void anExitRecordedForACommandThatNeverRan() {
            Fixture.Job job = run.job(JobKind.NOOP);
            run.executions.remove(job.token());

            assertThat(violations(Rule.WRONG_OUTCOME)).singleElement().extracting(Violation::message).asString().contains("never ran");
        }
    }

    @Nested
    class G_LeftoverProcess {
        @Test
        void aProcessAliveAfterItsJobEnded() {
            Fixture.Job job = run.job(JobKind.TERM_IGNORING);
            run.leftovers.add(new LeftoverProcesses.Leftover(4242, job.token(), "sleep 60"));

            assertThat(violations(Rule.LEFTOVER_PROCESS)).singleElement().extracting(Violation::jobId).isEqualTo(job.id());
        }
    }

    @Nested
    class R_Recovery {
        @Test
        void aFaultTheServerDidNotRecoverFrom() {
            run.faults.add(new FaultRecord(Scenario.BROKER_RESTART, "broker restarted", Instant.now(), Instant.now(), List.of(), false, "down 3 s"));
            run.workerExits.add("chaos-w2 exited on its own with code 1");

            assertThat(violations(Rule.RECOVERY)).hasSize(2);
        }
    }
}
