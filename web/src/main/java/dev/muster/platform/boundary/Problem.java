package dev.muster.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** An RFC 9457 problem document: what went wrong, for a person, and which input, for a program. */
public final class Problem {

    public static final MediaType TYPE = new MediaType("application", "problem+json");

    private Problem() {
    }

    public static Response of(int status, String detail) {
        return of(status, null, detail, null);
    }

    public static Response of(int status, String field, String detail, JsonArrayBuilder errors) {
        return Response.status(status).type(TYPE).entity(body(status, field, detail, errors)).build();
    }

    /** For servlets and filters, which answer outside JAX-RS. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, null, detail, null));
    }

    private static String body(int status, String field, String detail, JsonArrayBuilder errors) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", type == null ? "Error" : type.getReasonPhrase())
                .add("status", status)
                .add("detail", detail == null ? "" : detail);
        if (field != null) {
            body.add("field", field);
        }
        if (errors != null) {
            body.add("errors", errors);
        }
        return body.build().toString();
    }
}
