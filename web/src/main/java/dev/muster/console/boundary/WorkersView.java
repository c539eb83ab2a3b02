package dev.muster.console.boundary;

import dev.muster.console.control.WorkerBoard;
import dev.muster.console.control.WorkerPresence;
import dev.muster.platform.Refused;
import dev.muster.workers.control.WorkerSteering;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/** The workers board: every worker with what it runs, filtered by pool and presence; drain, resume, remove. */
@Named
@ViewScoped
public class WorkersView implements Serializable {

    @Inject
    WorkerBoard board;

    @Inject
    WorkerSteering steering;

    @Inject
    ConsoleUser user;

    private String pool;
    private WorkerPresence presence;
    private transient List<WorkerBoard.WorkerRow> rows;

    public List<WorkerBoard.WorkerRow> rows() {
        if (rows == null) {
            String poolFilter = pool == null || pool.isBlank() ? null : pool.trim();
            rows = board.rows(poolFilter, presence == WorkerPresence.GONE).stream()
                    .filter(row -> presence == null || row.presence() == presence)
                    .toList();
        }
        return rows;
    }

    /** Called by the board's periodic refresh and after filtering. */
    public void reload() {
        rows = null;
    }

    public void drain(String workerId, String name) {
        act(steering::drain, workerId, "Draining " + name + ": it finishes its jobs and takes no more");
    }

    public void resume(String workerId, String name) {
        act(steering::resume, workerId, name + " takes work again");
    }

    public void remove(String workerId, String name) {
        if (!user.mayAdminister()) {
            ConsoleMessages.error(user.displayName() + " may not remove workers; admins may");
            return;
        }
        act(steering::remove, workerId, "Removed " + name + "; the jobs it ran are retried elsewhere");
    }

    private void act(Consumer<String> action, String workerId, String done) {
        if (!ConsoleMessages.allowed(user)) {
            return;
        }
        try {
            action.accept(workerId);
            ConsoleMessages.info(done);
        } catch (Refused | EJBException e) {
            ConsoleMessages.failed("Worker " + workerId, e);
        }
        reload();
    }

    public WorkerPresence[] presences() {
        return WorkerPresence.values();
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public WorkerPresence getPresence() {
        return presence;
    }

    public void setPresence(WorkerPresence presence) {
        this.presence = presence;
    }
}
