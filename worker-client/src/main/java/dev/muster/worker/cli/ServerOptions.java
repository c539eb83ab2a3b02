package dev.muster.worker.cli;

import dev.muster.worker.protocol.Backoff;
import dev.muster.worker.protocol.HttpTransport;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.RetryPolicy;
import dev.muster.worker.protocol.ServerList;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --server} option every subcommand shares. */
public class ServerOptions {

    /** A user waits at the terminal: a short retry for a blip, then "cannot reach". */
    private static final RetryPolicy CLIENT_RETRY =
            RetryPolicy.tries(3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));

    @Option(names = "--server", paramLabel = "URL", split = ",",
            defaultValue = "${env:MUSTER_SERVER:-http://localhost:8080}",
            description = "Muster server base URL; repeat (or separate with commas) to fail over to the next. "
                    + "Default: $MUSTER_SERVER, else http://localhost:8080.")
    List<URI> servers;

    List<URI> servers() {
        return servers;
    }

    MusterClient client() {
        return new MusterClient(new HttpTransport(new ServerList(servers), CLIENT_RETRY));
    }
}
