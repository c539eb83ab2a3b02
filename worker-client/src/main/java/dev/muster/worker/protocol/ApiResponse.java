package dev.muster.worker.protocol;

import jakarta.json.JsonObject;

/** A server answer: status, body and content type. */
record ApiResponse(int status, String body, String contentType) {

    boolean isProblem() {
        return contentType.startsWith("application/problem+json") || contentType.startsWith("application/json");
    }

    /** The answer as a typed error; a body that is not problem+json still yields a readable message. */
    ProblemException toProblem() {
        if (isProblem() && body != null && !body.isBlank()) {
            try {
                JsonObject problem = JsonFields.parse(body);
                return new ProblemException(status, JsonFields.string(problem, "title"),
                        JsonFields.string(problem, "detail"), JsonFields.string(problem, "field"));
            } catch (IllegalArgumentException notJson) {
                // fall through: show the status and the raw text
            }
        }
        String text = body == null || body.isBlank() ? null : body.strip();
        return new ProblemException(status, "HTTP " + status, text != null && text.length() <= 200 ? text : null,
                null);
    }
}
