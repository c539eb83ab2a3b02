package dev.muster.workers.boundary;

import dev.muster.platform.Refused;
import dev.muster.security.boundary.CurrentCaller;
import dev.muster.security.entity.Caller;
import dev.muster.workers.control.WorkerRegistry;
import dev.muster.workers.entity.Worker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Holds a worker to its own id: the request was recognised by a worker secret (see {@code MusterAuthentication}),
 * and a worker may act only as itself — never on another worker's attempts, and never as a user.
 */
@RequestScoped
public class WorkerCredentials {

    @Inject
    WorkerRegistry registry;

    @Inject
    CurrentCaller caller;

    /** @throws Refused 401 for a caller that is not a worker (or left), 403 for another worker's id */
    public Worker authenticate(String workerId) {
        Caller worker = caller.get().filter(c -> c.kind() == Caller.Kind.WORKER)
                .orElseThrow(() -> Refused.unauthorized("only a registered worker may do this; send its secret"));
        if (!worker.id().equals(workerId)) {
            throw Refused.forbidden(null, "a worker may act only as itself");
        }
        return registry.present(workerId);
    }
}
