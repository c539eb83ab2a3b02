package dev.muster.platform.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's own refusals (no such path, wrong media type, unreadable JSON) as problem documents, never as the
 * server's HTML error page. Unreadable JSON names the property the binder choked on when it says.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) '?([A-Za-z0-9_]+)'?");

    @Override
    public Response toResponse(WebApplicationException exception) {
        BodyTooLarge tooLarge = BodyTooLarge.in(exception);
        if (tooLarge != null) {
            return Problem.of(413, "body", tooLarge.getMessage(), null);
        }
        Throwable json = jsonCause(exception);
        if (json != null) {
            return unreadable(json);
        }
        int status = exception.getResponse().getStatus();
        String detail = status == 404 ? "no such resource" : exception.getMessage();
        return Problem.of(status, detail);
    }

    static Response unreadable(Throwable json) {
        String message = deepest(json);
        Matcher property = PROPERTY.matcher(String.valueOf(json.getMessage()) + " " + message);
        String field = property.find() ? property.group(1) : null;
        String detail = "request body is not valid JSON for this call"
                + (field != null ? " (field " + field + ")" : "") + ": " + message;
        return Problem.of(400, field, detail, null);
    }

    static Throwable jsonCause(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof ProcessingException) {
                return t;
            }
        }
        return null;
    }

    private static String deepest(Throwable throwable) {
        String message = throwable.getMessage();
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
