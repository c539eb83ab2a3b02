package dev.muster.worker.cli;

import dev.muster.worker.protocol.TrustedCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the server is and how to trust it: the options of every command, the worker's included. Client commands
 * add their API token with {@link ServerOptions}; the worker has its enrolment token instead.
 */
public class ServerConnection {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--server", paramLabel = "URL", split = ",",
            defaultValue = "${env:MUSTER_SERVER:-http://localhost:8080}",
            description = "Muster server base URL; repeat (or separate with commas) to fail over to the next. "
                    + "Default: $MUSTER_SERVER, else http://localhost:8080.")
    List<URI> servers;

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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
