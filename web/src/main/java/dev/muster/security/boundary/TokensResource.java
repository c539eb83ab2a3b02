package dev.muster.security.boundary;

import dev.muster.security.control.ApiTokens;
import dev.muster.security.entity.ApiToken;
import dev.muster.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** API tokens, for scripts and CI: issued once, listed without their secret, revoked. Admins only. */
@Path("v1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed("admin")
public class TokensResource {

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required, e.g. {\"name\": \"ci\", \"role\": \"operator\"}")
                           @Valid NewToken body) {
        ApiTokens.Issued issued = tokens.create(body.name(), Role.parse(body.role()), caller.name());
        JsonObject answer = describe(issued.token()).add("token", issued.secret()).build();
        return Response.created(URI.create("/api/v1/tokens/" + issued.token().id())).entity(answer).build();
    }

    @GET
    public JsonObject list() {
        var items = Json.createArrayBuilder();
        tokens.list().forEach(token -> items.add(describe(token)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }

    private static JsonObjectBuilder describe(ApiToken token) {
        return Json.createObjectBuilder()
                .add("id", token.id())
                .add("name", token.name())
                .add("role", token.role().wire())
                .add("createdAt", token.createdAt().toString())
                .add("createdBy", Jsons.orNull(token.createdBy()))
                .add("lastUsedAt", Jsons.orNull(token.lastUsedAt()))
                .add("revokedAt", Jsons.orNull(token.revokedAt()));
    }

    public record NewToken(
            @NotBlank @Size(max = 100) @Pattern(regexp = Jsons.NAME, message = Jsons.NAME_MESSAGE) String name,
            @NotNull @Pattern(regexp = "admin|operator|viewer", message = "must be admin, operator or viewer") String role) {
    }
}
