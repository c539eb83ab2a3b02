package dev.muster.worker.protocol;

import java.net.URI;

/** No configured server could be reached (connection refused, timeout, unknown host, or a persistent 5xx). */
public class ServerUnreachableException extends RuntimeException {

    private final URI server;

    public ServerUnreachableException(URI server, String reason, Throwable cause) {
        super("cannot reach " + server + ": " + reason, cause);
        this.server = server;
    }

    public URI server() {
        return server;
    }
}
