package dev.muster.security.boundary;

import dev.muster.jobs.entity.JobSpec;
import dev.muster.jobs.entity.Labels;
import dev.muster.security.control.EnrolmentTokens;
import dev.muster.security.entity.EnrolmentToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Duration;
import java.util.List;

/**
 * Enrolment tokens, which let workers register (into some pools, with some labels, until they expire). Admins only.
 * A browser worker enrols through a link to the worker page carrying one ({@code /worker/?enrol=<token>}).
 */
@Path("v1/enrolment-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed("admin")
public class EnrolmentTokensResource {

    @Inject
    EnrolmentTokens enrolments;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required, e.g. {\"name\": \"build-boxes\", \"pools\": [\"build\"]}")
                           @Valid NewEnrolment body) {
        Duration validFor = body.expiresInSeconds() == null ? null : Duration.ofSeconds(body.expiresInSeconds());
        EnrolmentTokens.Issued issued = enrolments.create(body.name(), body.pools(), body.labels(), validFor, caller.name());
        JsonObject answer = describe(issued.token()).add("token", issued.secret()).build();
        return Response.created(URI.create("/api/v1/enrolment-tokens/" + issued.token().id())).entity(answer).build();
    }

    @GET
    public JsonObject list() {
        var items = Json.createArrayBuilder();
        enrolments.list().forEach(token -> items.add(describe(token)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        enrolments.revoke(id);
        return Response.noContent().build();
    }

    private static JsonObjectBuilder describe(EnrolmentToken token) {
        return Json.createObjectBuilder()
                .add("id", token.id())
                .add("name", token.name())
                .add("pools", Json.createArrayBuilder(token.pools()))
                .add("labels", Json.createArrayBuilder(token.labels()))
                .add("expiresAt", Jsons.orNull(token.expiresAt()))
                .add("createdAt", token.createdAt().toString())
                .add("createdBy", Jsons.orNull(token.createdBy()))
                .add("lastUsedAt", Jsons.orNull(token.lastUsedAt()))
                .add("revokedAt", Jsons.orNull(token.revokedAt()));
    }

    /** Empty or absent pools and labels: any. */
    public record NewEnrolment(
            @NotBlank @Size(max = 100) @Pattern(regexp = Jsons.NAME, message = Jsons.NAME_MESSAGE) String name,
            @Size(max = 50) List<@NotNull @Pattern(regexp = JobSpec.POOL_PATTERN, message = "must be 1-63 lowercase letters, digits, '-' or '_'") String> pools,
            @Size(max = 50) List<@NotNull @Pattern(regexp = Labels.PATTERN, message = "must be a label of letters, digits, '.', '_' or '-'") String> labels,
            @Min(60) @Max(366L * 24 * 3600) Long expiresInSeconds) {
    }
}
