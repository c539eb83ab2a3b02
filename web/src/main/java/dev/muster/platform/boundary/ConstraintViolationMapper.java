package dev.muster.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become a 400 naming each offending field by its JSON name. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<ConstraintViolation<?>> violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> fieldOf(v.getPropertyPath())))
                .toList();
        JsonArrayBuilder errors = Json.createArrayBuilder();
        StringBuilder detail = new StringBuilder();
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldOf(violation.getPropertyPath());
            errors.add(Json.createObjectBuilder().add("field", field).add("message", violation.getMessage()));
            detail.append(detail.isEmpty() ? "" : "; ").append(field).append(": ").append(violation.getMessage());
        }
        String first = violations.isEmpty() ? null : fieldOf(violations.get(0).getPropertyPath());
        return Problem.of(400, first, detail.toString(), errors);
    }

    /**
     * {@code submit.body.env<map value>[PATH]} → {@code env[PATH]}, {@code submitBatch.body.jobs[3].command} →
     * {@code jobs[3].command}: drops the method node and the parameter node of
     * the request body (every resource names it {@code body}); a query parameter keeps its own name.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field.append('[').append(node.getKey() != null ? node.getKey() : node.getIndex()).append(']');
                continue;
            }
            if (node.isInIterable()) { // jobs[3].command: the index sits on the node after the list
                field.append('[').append(node.getKey() != null ? node.getKey() : node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
