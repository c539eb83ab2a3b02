package dev.muster.security.boundary;

import dev.muster.security.control.Users;
import dev.muster.security.entity.Role;
import dev.muster.security.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

/** The console's users. Admins only; passwords go in, never out. */
@Path("v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed("admin")
public class UsersResource {

    @Inject
    Users users;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required, e.g. {\"name\": \"ana\", \"password\": \"…\", \"role\": \"viewer\"}")
                           @Valid NewUser body) {
        User user = users.create(body.name(), body.password().toCharArray(), Role.parse(body.role()));
        return Response.created(URI.create("/api/v1/users/" + user.name())).entity(describe(user)).build();
    }

    @GET
    public JsonObject list() {
        var items = Json.createArrayBuilder();
        users.list().forEach(user -> items.add(describe(user)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        users.delete(name);
        return Response.noContent().build();
    }

    private static JsonObject describe(User user) {
        return Json.createObjectBuilder()
                .add("name", user.name())
                .add("role", user.role().wire())
                .add("createdAt", user.createdAt().toString())
                .build();
    }

    public record NewUser(
            @NotBlank @Size(max = 100) @Pattern(regexp = Jsons.NAME, message = Jsons.NAME_MESSAGE) String name,
            @NotNull @Size(max = 200) String password,
            @NotNull @Pattern(regexp = "admin|operator|viewer", message = "must be admin, operator or viewer") String role) {
    }
}
