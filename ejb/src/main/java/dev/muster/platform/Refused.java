package dev.muster.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses, with the HTTP status it maps to and, when one input is at fault, its name.
 * Rolls back the transaction and reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class Refused extends RuntimeException {

    private final int status;
    private final String field;

    private Refused(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public static Refused invalid(String field, String detail) {
        return new Refused(400, field, field + ": " + detail);
    }

    /** Well-formed, but at odds with what already exists. */
    public static Refused unprocessable(String field, String detail) {
        return new Refused(422, field, field + ": " + detail);
    }

    /** An input larger than a configured limit allows (HTTP 413). */
    public static Refused tooLarge(String field, String detail) {
        return new Refused(413, field, field + ": " + detail);
    }

    /**
     * The same refusal about an input nested in a larger one, e.g. {@code command} of the fourth job of a batch as
     * {@code jobs[3].command}.
     */
    public Refused within(String prefix) {
        return new Refused(status, field == null ? null : prefix + field,
                field == null ? prefix + ": " + getMessage() : prefix + getMessage());
    }

    /** The resource is in a state that does not allow the request. */
    public static Refused conflict(String detail) {
        return new Refused(409, null, detail);
    }

    public static Refused notFound(String what, String id) {
        return new Refused(404, null, "no " + what + " with id " + id);
    }

    public static Refused unauthorized(String detail) {
        return new Refused(401, null, detail);
    }

    /** The caller is known but may not do this. */
    public static Refused forbidden(String field, String detail) {
        return new Refused(403, field, field == null ? detail : field + ": " + detail);
    }

    /** The caller holds a lease it lost (or never had): it must stop working on the attempt. */
    public static Refused leaseLost(String attemptId) {
        return new Refused(409, "leaseToken", "attempt " + attemptId + " is no longer leased to this worker");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
