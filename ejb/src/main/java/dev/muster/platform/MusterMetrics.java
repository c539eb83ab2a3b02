package dev.muster.platform;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.JobState;
import dev.muster.workers.control.WorkerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that speaks MicroProfile Metrics, so servers without it (WildFly) need only another version of this
 * class. Gauges read the database when scraped, so every instance reports the same cluster-wide figures.
 */
@ApplicationScoped
public class MusterMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    JobQueries jobs;

    @Inject
    WorkerRegistry workers;

    @Inject
    Clock clock;

    private final Set<String> watchedPools = ConcurrentHashMap.newKeySet();

    public void submitted(String pool) {
        registry.counter("muster_jobs_submitted", new Tag("pool", pool)).inc();
        watchPool(pool);
    }

    /** Queued jobs per pool: registered the first time this instance sees a pool. */
    public void watchPool(String pool) {
        if (watchedPools.add(pool)) {
            registry.gauge("muster_queue_depth", jobs, queries -> queries.countQueued(pool), new Tag("pool", pool));
        }
    }

    /** Prepared XA transactions nobody resolved (see {@link InDoubtTransactions}). */
    public void watchInDoubt(InDoubtTransactions inDoubt) {
        registry.gauge("muster_in_doubt_transactions", inDoubt, InDoubtTransactions::count);
    }

    /** Workers heard from within the last {@code window}. */
    public void watchWorkers(Duration window) {
        registry.gauge("muster_workers_connected", workers, registry -> registry.countConnected(clock.instant().minus(window)));
    }

    public void completed(JobState outcome) {
        if (outcome.isTerminal()) {
            registry.counter("muster_jobs_completed", new Tag("outcome", outcome.name())).inc();
        }
    }

    /** An attempt ended in a way that sends its job back to the queue. */
    public void retried(String pool) {
        registry.counter("muster_jobs_retried", new Tag("pool", pool)).inc();
    }

    /** A job failed for want of attempts and went to the dead-letter queue. */
    public void deadLettered(String pool) {
        registry.counter("muster_jobs_dead_lettered", new Tag("pool", pool)).inc();
    }

    /** The lease reaper ended an attempt: its lease expired ({@code lease}) or it ran past its timeout ({@code timeout}). */
    public void reaped(String why) {
        registry.counter("muster_attempts_reaped", new Tag("why", why)).inc();
    }

    /** Submit-to-lease time: how long a job waited for a worker. */
    public void dispatched(Duration waited) {
        Histogram histogram = registry.histogram(Metadata.builder()
                .withName("muster_dispatch_latency")
                .withDescription("Time from submission to lease, in milliseconds")
                .withUnit(MetricUnits.MILLISECONDS).build());
        histogram.update(Math.max(0, waited.toMillis()));
    }
}
