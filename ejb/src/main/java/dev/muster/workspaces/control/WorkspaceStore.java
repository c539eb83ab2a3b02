package dev.muster.workspaces.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.platform.Ids;
import dev.muster.platform.Refused;
import dev.muster.workspaces.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores uploaded workspaces in parts of 1 MiB, hands them out part by part, and deletes those no job needs any
 * more. An upload is one transaction: one refused half-way (too large, not a zip) leaves nothing behind.
 */
@Stateless
public class WorkspaceStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "muster.limits.upload-bytes", defaultValue = "67108864")
    long uploadBytes;

    /** @throws Refused 413 past {@code muster.limits.upload-bytes}, 422 when the body is not a zip archive */
    public Workspace upload(InputStream body) {
        Workspace workspace = new Workspace(Ids.newId(), clock.instant());
        em.persist(workspace);
        em.flush(); // its parts refer to it
        ZipUpload upload = new ZipUpload(body, uploadBytes);
        try {
            int number = 0;
            for (byte[] part = upload.nextPart(); part != null; part = upload.nextPart()) {
                em.createNativeQuery("insert into workspace_parts (workspace_id, part, data) values (?1, ?2, ?3)")
                        .setParameter(1, workspace.id()).setParameter(2, number++).setParameter(3, part)
                        .executeUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload broke off", e);
        }
        workspace.uploaded(upload.size(), upload.sha256());
        return workspace;
    }

    public Workspace find(String id) {
        Workspace workspace = em.find(Workspace.class, id);
        if (workspace == null) {
            throw Refused.notFound("workspace", id);
        }
        return workspace;
    }

    /**
     * Marks a workspace used by a job being submitted, in the submission's transaction. The row lock and the new
     * {@code used_at} keep a concurrent {@link #deleteUnused} from removing it under the job.
     *
     * @throws Refused 422 naming {@code workspace} when there is no such workspace
     */
    public Workspace.Ref use(String id) {
        Workspace workspace = em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (workspace == null) {
            throw Refused.unprocessable("workspace", "no workspace with id " + id + " (upload one with POST /api/v1/workspaces)");
        }
        workspace.usedAt(clock.instant());
        return workspace.ref();
    }

    /**
     * The workspace of the job an attempt runs, for the worker that holds the attempt's lease (fencing, as for every
     * report on an attempt).
     *
     * @throws Refused 409 unless {@code leaseToken} is the attempt's current lease token held by {@code workerId};
     *                 404 when the job has no workspace or it is gone
     */
    public Workspace.Ref leasedTo(String workerId, String attemptId, String leaseToken) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || leaseToken == null || !attempt.isLeasedBy(workerId, leaseToken)) {
            throw Refused.leaseLost(attemptId);
        }
        String id = attempt.job().workspaceId();
        if (id == null) {
            throw Refused.notFound("workspace for attempt", attemptId);
        }
        return find(id).ref();
    }

    /** Part {@code number} of a workspace's bytes, or null past the last one. Each read is its own transaction. */
    public byte[] part(String id, int number) {
        List<?> rows = em.createNativeQuery("select data from workspace_parts where workspace_id = ?1 and part = ?2")
                .setParameter(1, id).setParameter(2, number).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /**
     * Deletes workspaces no queued or running job uses, last used before {@code cutoff}. One statement: safe on
     * several instances at once, and against a submission that marks one used meanwhile (PostgreSQL rechecks
     * {@code used_at} on the locked row).
     *
     * @return how many were deleted
     */
    public int deleteUnused(Instant cutoff) {
        return em.createNativeQuery("delete from workspaces w where w.used_at < ?1 and not exists "
                        + "(select 1 from jobs j where j.workspace_id = w.id and j.state in ('QUEUED', 'RUNNING'))")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
