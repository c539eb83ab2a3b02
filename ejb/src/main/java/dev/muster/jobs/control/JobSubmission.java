package dev.muster.jobs.control;

import dev.muster.dispatch.control.JobQueueing;
import dev.muster.dispatch.control.PoolSettings;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Ids;
import dev.muster.platform.MusterMetrics;
import dev.muster.platform.Refused;
import dev.muster.workspaces.control.WorkspaceStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts jobs. The row and its queue message (in the outbox) commit in one database transaction: when this returns,
 * the job is durable and on its way; when it throws, neither exists.
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

    static final int KEY_LOCK_TIMEOUT_SECONDS = 10;

    @Inject
    PoolSettings pools;

    @Inject
    JobQueries queries;

    @Inject
    SubmissionLimits limits;

    @Inject
    WorkspaceStore workspaces;

    /**
     * @return the new job, or — when the spec carries an idempotency key already used — the job first submitted
     *         with it, unchanged
     * @throws Refused 422 when that key was used for a different job or the workspace is unknown; 413 or 422 when
     *                 the spec exceeds a limit ({@link SubmissionLimits})
     */
    public Submitted submit(@NotNull @Valid JobSpec spec) {
        return submit(spec, null);
    }

    /** As {@link #submit(JobSpec)}, recording {@code submitter} (null: unknown) on a new job. */
    public Submitted submit(@NotNull @Valid JobSpec spec, String submitter) {
        spec.requireWhatItsKindRuns();
        limits.current().check(spec);
        String envJson = envJson(spec);
        if (spec.idempotencyKey() != null) {
            // Two submissions with one key must not both find nothing and both insert: the second waits here for
            // the first to commit (the lock is held until then), then finds its job. Not for ever: a first
            // submission stuck in a slow commit holds the lock, and its repeats get a 503 (lock_not_available)
            // instead of hanging.
            em.createNativeQuery("set local lock_timeout = '" + KEY_LOCK_TIMEOUT_SECONDS + "s'").executeUpdate();
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                    .setParameter(1, spec.idempotencyKey()).getSingleResult();
            var existing = queries.findByIdempotencyKey(spec.idempotencyKey());
            if (existing.isPresent()) {
                if (!existing.get().sameRequestAs(spec, envJson)) {
                    throw Refused.unprocessable("idempotencyKey",
                            "was already used for a different job (" + existing.get().id() + ")");
                }
                return new Submitted(existing.get(), false);
            }
        }
        if (spec.workspace() != null) {
            workspaces.use(spec.workspace());
        }
        Job job = new Job(Ids.newId(), spec, pools.retryPolicy(spec), envJson, clock.instant());
        job.submittedBy(submitter);
        em.persist(job);
        queueing.enqueue(job);
        metrics.submitted(job.pool());
        return new Submitted(job, true);
    }

    /**
     * Submits every job or none, in one transaction; each job's idempotency key is honoured as by
     * {@link #submit(JobSpec)}.
     *
     * @throws Refused naming the first job at fault and its field, e.g. {@code jobs[3].command}; 422 naming
     *                 {@code jobs} for more jobs than {@code muster.limits.batch-jobs}
     */
    public List<Submitted> submitAll(@NotNull List<@NotNull @Valid JobSpec> specs, String submitter) {
        limits.current().checkBatch(specs.size());
        List<Submitted> submitted = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            try {
                submitted.add(submit(specs.get(i), submitter));
            } catch (Refused refused) {
                throw refused.within("jobs[" + i + "].");
            }
        }
        return submitted;
    }

    /** @param created false when an idempotent resubmission found the job it had created before */
    public record Submitted(Job job, boolean created) {
    }

    private static String envJson(JobSpec spec) {
        JsonObjectBuilder env = Json.createObjectBuilder();
        spec.env().forEach(env::add);
        return env.build().toString();
    }
}
