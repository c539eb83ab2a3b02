package dev.muster.chaos;

/**
 * A planned job and what became of its submission: the job id the server answered (null while unanswered), and the
 * status of the harness's cancel request, if it sent one.
 */
record Submission(PlannedJob job, Answer answer, Integer cancelStatus) {

    enum Status {
        /** Not answered yet, or never: every try failed (connection refused, reset, 5xx). */
        UNANSWERED,
        /** 201: the first answer the harness got created the job. */
        CREATED,
        /** 200 Idempotent-Replayed: an earlier try created the job but its answer was lost. */
        REPLAYED,
        /** A 4xx: the server refused a job the contract says is valid. */
        REFUSED
    }

    /** @param tries how many times the submission was sent */
    record Answer(Status status, String jobId, int httpStatus, int tries, String detail) {
        static final Answer NONE = new Answer(Status.UNANSWERED, null, 0, 0, null);
    }

    boolean accepted() {
        return answer.status() == Status.CREATED || answer.status() == Status.REPLAYED;
    }

    String token() {
        return job.token();
    }

    Scenario scenario() {
        return job.scenario();
    }
}
