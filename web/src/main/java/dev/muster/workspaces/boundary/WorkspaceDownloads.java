package dev.muster.workspaces.boundary;

import dev.muster.security.boundary.AccessRule;
import dev.muster.security.boundary.Allowed;
import dev.muster.workers.boundary.WorkerCredentials;
import dev.muster.workspaces.control.WorkspaceStore;
import dev.muster.workspaces.entity.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /api/v1/workers/{workerId}/attempts/{attemptId}/workspace}: the worker holding an attempt downloads its
 * job's workspace. Authenticated like every worker call and fenced by the lease token in {@code Muster-Lease-Token}
 * (409 otherwise). Streamed one stored part (1 MiB) at a time.
 */
@Path("v1/workers/{workerId}/attempts/{attemptId}/workspace")
@RequestScoped
public class WorkspaceDownloads {

    static final String LEASE_TOKEN = "Muster-Lease-Token";

    @Inject
    WorkerCredentials credentials;

    @Inject
    WorkspaceStore store;

    @GET
    @Produces(WorkspacesResource.ZIP)
    @Allowed(AccessRule.WORKER)
    public Response download(@PathParam("workerId") String workerId, @PathParam("attemptId") String attemptId,
                             @HeaderParam(LEASE_TOKEN) String leaseToken) {
        credentials.authenticate(workerId);
        Workspace.Ref workspace = store.leasedTo(workerId, attemptId, leaseToken);
        StreamingOutput zip = output -> {
            byte[] part;
            for (int number = 0; (part = store.part(workspace.id(), number)) != null; number++) {
                output.write(part);
            }
        };
        return Response.ok(zip, WorkspacesResource.ZIP)
                .header(HttpHeaders.CONTENT_LENGTH, workspace.sizeBytes())
                .header("Muster-Workspace-Sha256", workspace.sha256())
                .build();
    }
}
