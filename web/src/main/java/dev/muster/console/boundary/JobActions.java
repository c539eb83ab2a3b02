package dev.muster.console.boundary;

import dev.muster.jobs.control.JobCancellation;
import dev.muster.jobs.control.JobSubmission;
import dev.muster.jobs.entity.Job;
import dev.muster.platform.Refused;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Cancel and retry, for one job (its page) or a selection (the jobs table). A retry submits a new job with the same
 * spec — the old one keeps its history — and records the console's user as its submitter.
 */
@RequestScoped
public class JobActions {

    @Inject
    JobCancellation cancellation;

    @Inject
    JobSubmission submission;

    @Inject
    ConsoleUser user;

    /** @return true when the job is cancelled or its worker has been told to stop it */
    public boolean cancel(String jobId) {
        try {
            cancellation.cancel(jobId);
            return true;
        } catch (Refused | EJBException e) {
            ConsoleMessages.failed("Cancel " + jobId, e);
            return false;
        }
    }

    /** @return the new job's id */
    public Optional<String> retry(Job job) {
        try {
            return Optional.of(submission.submit(JobDraft.of(job).toSpec(), user.name()).job().id());
        } catch (Refused | EJBException e) {
            ConsoleMessages.failed("Retry " + job.id(), e);
            return Optional.empty();
        }
    }
}
