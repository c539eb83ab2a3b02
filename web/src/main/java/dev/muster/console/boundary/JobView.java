package dev.muster.console.boundary;

import dev.muster.console.control.AttemptHistory;
import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.Job;
import dev.muster.platform.Refused;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One job's page: its spec, attempts and actions. The log is not rendered here: the page's script follows it
 * through {@link LogFeedServlet}. View scoped, so that a postback finds the same job when it decides whether the
 * clicked button was there at all; {@link #refresh()} (the script calls it when the job's state changes) reads it
 * again.
 */
@Named
@ViewScoped
public class JobView implements Serializable {

    @Inject
    JobQueries queries;

    @Inject
    AttemptHistory history;

    @Inject
    JobActions actions;

    @Inject
    ConsoleUser user;

    private String id;
    private transient Job job;
    private transient List<AttemptHistory.AttemptRow> attempts;
    private boolean missing;

    public Job getJob() {
        if (job == null && !missing && id != null) {
            try {
                job = queries.find(id);
            } catch (Refused e) {
                missing = true;
                ConsoleMessages.failed("Job", e);
            }
        }
        return job;
    }

    public void refresh() {
        job = null;
        attempts = null;
    }

    public List<AttemptHistory.AttemptRow> attempts() {
        if (attempts == null) {
            attempts = getJob() == null ? List.of() : history.of(id);
        }
        return attempts;
    }

    public List<Map.Entry<String, String>> environment() {
        return getJob() == null ? List.of() : List.copyOf(EnvMasking.masked(JobDraft.envOf(job)).entrySet());
    }

    public boolean cancellable() {
        return getJob() != null && !job.state().isTerminal() && !job.isCancelRequested() && user.mayOperate();
    }

    public void cancel() {
        if (ConsoleMessages.allowed(user) && actions.cancel(id)) {
            ConsoleMessages.info("Cancelling job " + id);
            refresh();
        }
    }

    public String retry() {
        if (!ConsoleMessages.allowed(user) || getJob() == null) {
            return null;
        }
        return actions.retry(job).map(newId -> "job?faces-redirect=true&id=" + newId).orElse(null);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
