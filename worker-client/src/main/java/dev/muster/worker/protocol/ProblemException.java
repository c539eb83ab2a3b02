package dev.muster.worker.protocol;

/**
 * The server understood the request and refused it: an {@code application/problem+json} answer
 * (RFC 9457). The message is the server's {@code detail}, so it can be shown to a user as is.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final String field;

    public ProblemException(int status, String title, String detail, String field) {
        super(describe(status, title, detail, field));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The JSON property the server complained about, or null. */
    public String field() {
        return field;
    }

    private static String describe(int status, String title, String detail, String field) {
        String text = detail != null && !detail.isBlank() ? detail
                : title != null && !title.isBlank() ? title
                : "HTTP " + status;
        // The server's detail usually names the field already ("command: must not be blank").
        return field == null || text.startsWith(field) ? text : field + ": " + text;
    }
}
