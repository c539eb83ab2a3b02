package dev.muster.platform;

import dev.muster.dispatch.control.OutboxBacklog;
import dev.muster.jobs.control.JobQueries;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Duration;

/** Registers the database-backed gauges at start, for the pools that already exist. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class GaugeRegistration {

    /** Idle workers re-poll at least every lease wait (≤ 60 s); a worker silent for longer is not connected. */
    private static final Duration CONNECTED_WINDOW = Duration.ofSeconds(90);

    @Inject
    MusterMetrics metrics;

    @Inject
    JobQueries jobs;

    @Inject
    OutboxBacklog outbox;

    @PostConstruct
    void register() {
        metrics.watchWorkers(CONNECTED_WINDOW);
        metrics.watchOutboxBacklog(outbox::count);
        jobs.pools().forEach(metrics::watchPool);
    }
}
