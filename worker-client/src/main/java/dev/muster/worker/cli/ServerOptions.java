package dev.muster.worker.cli;

import dev.muster.worker.protocol.Backoff;
import dev.muster.worker.protocol.HttpTransport;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.RetryPolicy;
import dev.muster.worker.protocol.ServerList;
import dev.muster.worker.protocol.TrustedCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every subcommand shares: where the server is, how to trust it, and who we are to it. */
public class ServerOptions {

    /** A user waits at the terminal: a short retry for a blip, then "cannot reach". */
    private static final RetryPolicy CLIENT_RETRY =
            RetryPolicy.tries(3, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--server", paramLabel = "URL", split = ",",
            defaultValue = "${env:MUSTER_SERVER:-http://localhost:8080}",
            description = "Muster server base URL; repeat (or separate with commas) to fail over to the next. "
                    + "Default: $MUSTER_SERVER, else http://localhost:8080.")
    List<URI> servers;

    // No ${DEFAULT-VALUE} in the description: help must never show the token.
    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MUSTER_TOKEN}",
            description = "API token (mst_api_…) sent as a bearer token. Default: $MUSTER_TOKEN; prefer the "
                    + "variable, since a command line is visible to other users of the machine.")
    String token;

    @Option(names = "--ca-cert", paramLabel = "FILE", defaultValue = "${env:MUSTER_CA_CERT}",
            description = "PEM file with CA certificates to trust for https servers, in addition to the JDK's. "
                    + "Default: $MUSTER_CA_CERT.")
    Path caCert;

    List<URI> servers() {
        return servers;
    }

    /** The TLS trust for {@code --ca-cert}, or null for the JDK's defaults. */
    SSLContext tls() {
        try {
            boolean none = caCert == null || caCert.toString().isBlank(); // MUSTER_CA_CERT= turns it off
            return none ? null : TrustedCertificates.withCaFile(caCert);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--ca-cert: " + e.getMessage());
        }
    }

    MusterClient client() {
        return new MusterClient(transport());
    }

    HttpTransport transport() {
        return new HttpTransport(new ServerList(servers), CLIENT_RETRY, tls(), blankToNull(token));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
