package dev.muster.platform;

import dev.muster.jobs.control.JobQueries;
import dev.muster.jobs.entity.JobState;
import dev.muster.workers.control.WorkerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Muster's metrics, named by what happened. Recorded in MicroProfile Metrics where the server has it (Payara); on a
 * server without it (WildFly) the calls do nothing and the application runs the same. Gauges read the database when
 * scraped, so every instance reports the same cluster-wide figures.
 */
@ApplicationScoped
public class MusterMetrics {

    private static final System.Logger LOG = System.getLogger(MusterMetrics.class.getName());

    @Inject
    JobQueries jobs;

    @Inject
    WorkerRegistry workers;

    @Inject
    Clock clock;

    private final Set<String> watchedPools = ConcurrentHashMap.newKeySet();
    private MetricSink sink = MetricSink.NONE;

    @PostConstruct
    void chooseSink() {
        MetricSink found = microProfileMetricsPresent() ? MicroProfileMetricSink.ofServer() : null;
        if (found == null) {
            LOG.log(Level.INFO, "MicroProfile Metrics is not available on this server: Muster records no metrics");
        } else {
            sink = found;
        }
    }

    /** Checked by name, so that {@link MicroProfileMetricSink} is never loaded where its types are missing. */
    private static boolean microProfileMetricsPresent() {
        try {
            Class.forName(MicroProfileMetricSink.REGISTRY_CLASS, false, MusterMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public void submitted(String pool) {
        sink.count("muster_jobs_submitted", "pool", pool);
        watchPool(pool);
    }

    /** Queued jobs per pool: registered the first time this instance sees a pool. */
    public void watchPool(String pool) {
        if (watchedPools.add(pool)) {
            sink.gauge("muster_queue_depth", () -> jobs.countQueued(pool), "pool", pool);
        }
    }

    /** Queue messages waiting over ten seconds to be relayed to the broker ({@code OutboxBacklog}). */
    public void watchOutboxBacklog(Supplier<Long> backlog) {
        sink.gauge("muster_outbox_backlog", backlog);
    }

    /** Workers heard from within the last {@code window}. */
    public void watchWorkers(Duration window) {
        sink.gauge("muster_workers_connected", () -> workers.countConnected(clock.instant().minus(window)));
    }

    public void completed(JobState outcome) {
        if (outcome.isTerminal()) {
            sink.count("muster_jobs_completed", "outcome", outcome.name());
        }
    }

    /** An attempt ended in a way that sends its job back to the queue. */
    public void retried(String pool) {
        sink.count("muster_jobs_retried", "pool", pool);
    }

    /** A job failed for want of attempts and went to the dead-letter queue. */
    public void deadLettered(String pool) {
        sink.count("muster_jobs_dead_lettered", "pool", pool);
    }

    /** The lease reaper ended an attempt: its lease expired ({@code lease}) or it ran past its timeout ({@code timeout}). */
    public void reaped(String why) {
        sink.count("muster_attempts_reaped", "why", why);
    }

    /** Submit-to-lease time: how long a job waited for a worker. */
    public void dispatched(Duration waited) {
        sink.millis("muster_dispatch_latency", "Time from submission to lease, in milliseconds", Math.max(0, waited.toMillis()));
    }
}
