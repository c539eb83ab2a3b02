package dev.muster.worker.cli;

import dev.muster.worker.protocol.Backoff;
import dev.muster.worker.protocol.HttpTransport;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.RetryPolicy;
import dev.muster.worker.protocol.ServerList;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every client command shares: the server connection and the API token to call it with. */
public class ServerOptions extends ServerConnection {

    /** A user waits at the terminal: a short retry for a blip, then "cannot reach". */
    private static final RetryPolicy CLIENT_RETRY =
            RetryPolicy.tries(3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));

    // No ${DEFAULT-VALUE} in the description: help must never show the token.
    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MUSTER_TOKEN}",
            description = "API token (mst_api_…) sent as a bearer token. Default: $MUSTER_TOKEN; prefer the "
                    + "variable, since a command line is visible to other users of the machine.")
    String token;

    MusterClient client() {
        return new MusterClient(transport());
    }

    HttpTransport transport() {
        return new HttpTransport(new ServerList(servers), CLIENT_RETRY, tls(), blankToNull(token));
    }
}
