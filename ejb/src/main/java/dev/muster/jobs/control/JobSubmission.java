package dev.muster.jobs.control;

import dev.muster.dispatch.control.JobQueueing;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Ids;
import dev.muster.platform.MusterMetrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;

/**
 * Accepts jobs. The row and the queue message commit in one transaction: when this returns, the job is durable and
 * on its way; when it throws, neither exists.
 */
@Stateless
public class JobSubmission {

    @PersistenceContext
    EntityManager em;

    @Inject
    JobQueueing queueing;

    @Inject
    Clock clock;

    @Inject
    MusterMetrics metrics;

    public Job submit(@NotNull @Valid JobSpec spec) {
        Job job = new Job(Ids.newId(), spec, envJson(spec), clock.instant());
        em.persist(job);
        queueing.enqueue(job);
        metrics.submitted(job.pool());
        return job;
    }

    private static String envJson(JobSpec spec) {
        JsonObjectBuilder env = Json.createObjectBuilder();
        spec.env().forEach(env::add);
        return env.build().toString();
    }
}
