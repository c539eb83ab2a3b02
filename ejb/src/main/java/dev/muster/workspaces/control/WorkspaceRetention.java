package dev.muster.workspaces.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * Every ten minutes, deletes the workspaces that no queued or running job uses and that nobody used for
 * {@code muster.workspaces.retention-hours}. Every instance runs it; the delete is one statement, so they do not
 * get in each other's way.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkspaceRetention {

    private static final System.Logger LOG = System.getLogger(WorkspaceRetention.class.getName());

    @Inject
    WorkspaceStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "muster.workspaces.retention-hours", defaultValue = "24")
    int retentionHours;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "muster workspace retention")
    void deleteUnused() {
        try {
            int deleted = store.deleteUnused(clock.instant().minus(Duration.ofHours(retentionHours)));
            if (deleted > 0) {
                LOG.log(Level.INFO, "deleted {0} unused workspaces", deleted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace retention round failed: {0}", String.valueOf(e));
        }
    }
}
