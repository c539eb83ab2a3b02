package dev.muster.workspaces.boundary;

import dev.muster.platform.Refused;
import dev.muster.platform.boundary.RequestBodyDecoding;
import dev.muster.security.boundary.Allowed;
import dev.muster.workspaces.control.WorkspaceStore;
import dev.muster.workspaces.entity.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;

/**
 * {@code POST /api/v1/workspaces}: a client uploads a zip archive for jobs to run in ({@code "workspace": "<id>"} in
 * a job). The body is streamed into the database part by part, never held whole, and limited by
 * {@code muster.limits.upload-bytes} rather than by the general body limit.
 */
@Path("v1/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspacesResource {

    static final String ZIP = "application/zip";

    @Inject
    WorkspaceStore store;

    @Context
    UriInfo uriInfo;

    /** 201 with the id, size and SHA-256; 413 past the limit; 422 when the body is not a zip archive. */
    @POST
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Allowed("operator")
    public Response upload(InputStream body) {
        Workspace workspace;
        try {
            workspace = store.upload(body);
        } catch (Refused refused) {
            RequestBodyDecoding.drain(body); // so a client still sending (too large, not a zip) reads the answer
            throw refused;
        }
        return Response.created(uriInfo.getBaseUriBuilder().path("v1/workspaces").path(workspace.id()).build())
                .entity(json(workspace)).build();
    }

    @GET
    @Path("{id}")
    @Allowed("viewer")
    public JsonObject workspace(@PathParam("id") String id) {
        return json(store.find(id));
    }

    private static JsonObject json(Workspace workspace) {
        return Json.createObjectBuilder()
                .add("id", workspace.id())
                .add("sizeBytes", workspace.sizeBytes())
                .add("sha256", workspace.sha256())
                .add("createdAt", workspace.createdAt().toString())
                .build();
    }
}
