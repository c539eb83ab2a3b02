package dev.muster.console.boundary;

import dev.muster.console.control.JobFilter;
import dev.muster.console.control.JobSearch;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The jobs table: filters, the lazy model and bulk actions on the selected rows. */
@Named
@ViewScoped
public class JobsView implements Serializable {

    @Inject
    JobSearch search;

    @Inject
    JobActions actions;

    @Inject
    ConsoleUser user;

    private JobState state;
    private String pool;
    private String label;
    private String submitter;
    private String text;
    private List<Job> selected = new ArrayList<>();
    private LazyDataModel<Job> jobs;

    @PostConstruct
    void init() {
        jobs = new JobTableModel(search, this::filter);
    }

    JobFilter filter() {
        return new JobFilter(state, pool, label, submitter, text);
    }

    public void clearFilters() {
        state = null;
        pool = null;
        label = null;
        submitter = null;
        text = null;
    }

    public void cancelSelected() {
        if (ConsoleMessages.allowed(user)) {
            long done = selected.stream().filter(job -> actions.cancel(job.id())).count();
            ConsoleMessages.info("Cancelling " + done + " of " + selected.size() + " selected jobs");
            selected = new ArrayList<>();
        }
    }

    public void retrySelected() {
        if (ConsoleMessages.allowed(user)) {
            long done = selected.stream().filter(job -> actions.retry(job).isPresent()).count();
            ConsoleMessages.info("Submitted " + done + " of " + selected.size() + " selected jobs again, as new jobs");
            selected = new ArrayList<>();
        }
    }

    public JobState[] states() {
        return JobState.values();
    }

    public LazyDataModel<Job> getJobs() {
        return jobs;
    }

    public List<Job> getSelected() {
        return selected;
    }

    public void setSelected(List<Job> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public JobState getState() {
        return state;
    }

    public void setState(JobState state) {
        this.state = state;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getSubmitter() {
        return submitter;
    }

    public void setSubmitter(String submitter) {
        this.submitter = submitter;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
