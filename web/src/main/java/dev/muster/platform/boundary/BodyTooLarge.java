package dev.muster.platform.boundary;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit. */
public class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes (muster.http.max-body-bytes)");
    }

    static BodyTooLarge in(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
