package dev.muster.jobs.boundary;

import dev.muster.security.boundary.Allowed;
import dev.muster.jobs.control.JobQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Jobs that failed because they ran out of attempts; their last messages are on the {@code muster.dead-letter} queue. */
@Path("v1/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed("viewer")
public class DeadLettersResource {

    @Inject
    JobQueries queries;

    @GET
    public JsonObject list(@QueryParam("page") String page, @QueryParam("size") String size) {
        JobQueries.Page found = queries.deadLettered(QueryNumbers.parse("page", page, 0, 0, 1_000_000),
                QueryNumbers.parse("size", size, 20, 1, JobQueries.MAX_PAGE_SIZE));
        return JobRepresentation.page(found);
    }
}
