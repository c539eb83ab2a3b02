package dev.muster.console.boundary;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.control.JobSubmission;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Refused;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** The submit form; with {@code ?from=<job id>} it starts as a copy of that job ("re-run with changes"). */
@Named
@ViewScoped
public class SubmitView implements Serializable {

    @Inject
    JobSubmission submission;

    @Inject
    JobQueries queries;

    @Inject
    ConsoleUser user;

    @Inject
    Validator validator;

    private JobDraft draft = new JobDraft();
    private String from;

    public void load() {
        if (from == null || from.isBlank()) {
            return;
        }
        try {
            draft = JobDraft.of(queries.find(from));
        } catch (Refused e) {
            ConsoleMessages.failed("Re-run", e);
        }
    }

    /** Opens the new job's page, where its log follows live. */
    public String submit() {
        if (!ConsoleMessages.allowed(user)) {
            return null;
        }
        try {
            JobSpec spec = draft.toSpec();
            Set<ConstraintViolation<JobSpec>> violations = validator.validate(spec);
            if (!violations.isEmpty()) {
                violations.forEach(violation -> ConsoleMessages.error(violation.getPropertyPath() + ": " + violation.getMessage()));
                return null;
            }
            String id = submission.submit(spec, user.name()).job().id();
            return "job?faces-redirect=true&id=" + id;
        } catch (Refused | EJBException e) {
            ConsoleMessages.failed("Submit", e);
            return null;
        }
    }

    public List<String> kinds() {
        return JobDraft.KINDS;
    }

    public JobDraft getDraft() {
        return draft;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }
}
