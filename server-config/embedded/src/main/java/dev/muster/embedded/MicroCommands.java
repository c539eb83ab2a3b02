package dev.muster.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders the Payara Micro command files. Pre-boot: where HTTP listens and the transaction service, set before the
 * listeners start (set after boot, they restart the HTTP listener under the first requests). Post-boot: points the
 * Artemis resource adapter at a broker and deploys it before the application (the application's connection factory
 * and MDBs name the adapter {@value #ADAPTER}).
 */
public final class MicroCommands {

    public static final String ADAPTER = "muster-artemis";
    private static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

    private final String bindAddress;
    private final List<URI> brokers;
    private final String brokerUser;
    private final String brokerPassword;
    private final Path resourceAdapter;
    private final Path transactionLog;

    /**
     * @param brokerUrls comma-separated {@code tcp://host:port} URLs; several mean a broker cluster or HA pair
     * @param transactionLog where the transaction manager logs XA decisions; must survive restarts, so that a
     *                       transaction prepared before a crash is completed (or rolled back) at the next start
     */
    public MicroCommands(String bindAddress, String brokerUrls, String brokerUser, String brokerPassword,
                            Path resourceAdapter, Path transactionLog) {
        this.bindAddress = Objects.requireNonNull(bindAddress);
        this.brokers = parseBrokers(brokerUrls);
        this.brokerUser = requireSafe("broker user", brokerUser);
        this.brokerPassword = requireSafe("broker password", brokerPassword);
        this.resourceAdapter = resourceAdapter;
        this.transactionLog = transactionLog;
    }

    static List<URI> parseBrokers(String brokerUrls) {
        List<URI> uris = new ArrayList<>();
        for (String part : brokerUrls.split(",")) {
            URI uri = URI.create(part.trim());
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("broker URL must look like tcp://host:port, got: " + part.trim());
            }
            uris.add(uri);
        }
        return List.copyOf(uris);
    }

    /** asadmin splits --property on ':' and '='; a credential holding them would silently configure something else. */
    private static String requireSafe(String what, String value) {
        if (value == null || value.isEmpty() || value.matches(".*[:=\\\\\\s;,].*")) {
            throw new IllegalArgumentException(what + " must be non-empty without ':', '=', ';', ',', '\\' or spaces");
        }
        return value;
    }

    public String renderPreBoot() {
        return String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                        + bindAddress,
                "set configs.config.server-config.transaction-service.tx-log-dir=" + transactionLog.toAbsolutePath(),
                "set configs.config.server-config.transaction-service.automatic-recovery=true",
                "");
    }

    public String render() {
        List<String> connectors = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (URI broker : brokers) {
            connectors.add(NETTY);
            parameters.add("host\\=" + broker.getHost() + ";port\\=" + broker.getPort());
        }
        return String.join("\n",
                "set-log-levels org.apache.activemq.audit=WARNING",
                "create-resource-adapter-config --property ConnectorClassName=" + String.join(",", connectors)
                        + ":ConnectionParameters=" + String.join(",", parameters)
                        + ":UserName=" + brokerUser + ":Password=" + brokerPassword + " " + ADAPTER,
                "deploy --name " + ADAPTER + " " + resourceAdapter.toAbsolutePath(),
                "");
    }

    /** Writes {@code pre-boot.asadmin} and {@code post-boot.asadmin} into {@code dir}. */
    public CommandFiles writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path preBoot = Files.writeString(dir.resolve("pre-boot.asadmin"), renderPreBoot());
        Path postBoot = Files.writeString(dir.resolve("post-boot.asadmin"), render());
        return new CommandFiles(preBoot, postBoot);
    }

    /** The two command files, for {@code --prebootcommandfile} and {@code --postbootcommandfile}. */
    public record CommandFiles(Path preBoot, Path postBoot) {
    }
}
