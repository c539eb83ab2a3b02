package dev.muster.console.boundary;

import dev.muster.console.control.JobFilter;
import dev.muster.console.control.JobOrder;
import dev.muster.console.control.JobSearch;
import dev.muster.jobs.entity.Job;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The jobs table's rows, a page at a time: PrimeFaces asks for a count and one page, and the database is asked for
 * exactly that (see {@link JobSearch}). Filters come from the page's filter bar, not from column filters.
 */
class JobTableModel extends LazyDataModel<Job> {

    private final JobSearch search;
    private final Supplier<JobFilter> filter;
    private transient List<Job> page = List.of();

    JobTableModel(JobSearch search, Supplier<JobFilter> filter) {
        this.search = search;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> columnFilters) {
        return (int) Math.min(Integer.MAX_VALUE, search.count(filter.get()));
    }

    @Override
    public List<Job> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> columnFilters) {
        page = search.page(filter.get(), order(sortBy), first, pageSize);
        return page;
    }

    static JobOrder order(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream()
                .filter(sort -> sort.getOrder() != SortOrder.UNSORTED)
                .findFirst()
                .map(sort -> new JobOrder(sort.getField(), sort.getOrder() == SortOrder.ASCENDING))
                .orElse(JobOrder.NEWEST_FIRST);
    }

    @Override
    public String getRowKey(Job job) {
        return job.id();
    }

    /** Selections are made on the page shown, so the row is among those last loaded. */
    @Override
    public Job getRowData(String rowKey) {
        return (page == null ? List.<Job>of() : page).stream().filter(job -> job.id().equals(rowKey)).findFirst().orElse(null);
    }
}
