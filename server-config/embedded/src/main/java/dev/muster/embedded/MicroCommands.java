package dev.muster.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings Payara Micro's command files ({@code server-config/payara/*.asadmin}) read through
 * {@code ${MPCONFIG=key}}, and the files themselves. The files are the same for every topology; only these values
 * differ. Callers hand the values to Payara as environment variables ({@link #environment()}, which keeps passwords
 * out of the process list) or as system properties ({@link #systemProperties()}).
 */
public final class MicroCommands {

    public static final String ADAPTER = "muster-artemis";
    static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
    private static final String[] FILES = {"pre-boot.asadmin", "post-boot.asadmin", "post-deploy.asadmin"};

    private final Map<String, String> settings = new LinkedHashMap<>();
    /** Read by post-deploy.asadmin as system properties of the server's JVM, never from the environment. */
    private final Map<String, String> jvmProperties = new LinkedHashMap<>();

    /**
     * @param brokerUrls     comma-separated {@code tcp://host:port} URLs; several mean a broker cluster or HA pair
     * @param transactionLog where the transaction manager logs XA decisions; must survive restarts
     */
    public MicroCommands(String bindAddress, Path transactionLog, Database database, String brokerUrls, String brokerUser,
                         String brokerPassword, Path resourceAdapter, Management management) {
        List<URI> brokers = parseBrokers(brokerUrls);
        put("muster.bind-address", bindAddress);
        put("muster.tx-log-dir", transactionLog.toAbsolutePath().toString());
        put("muster.db.url", database.url());
        put("muster.db.user", database.user());
        put("muster.db.password", database.password());
        put("muster.db.pool-size", Integer.toString(database.poolSize()));
        put("muster.broker.connector-classes", String.join(",", brokers.stream().map(b -> NETTY).toList()));
        put("muster.broker.connection-parameters", String.join(",", brokers.stream().map(MicroCommands::connectionParameters).toList()));
        put("muster.broker.user", requireAsadminSafe("muster.broker.user", brokerUser));
        put("muster.broker.password", requireAsadminSafe("muster.broker.password", brokerPassword));
        put("muster.resource-adapter", resourceAdapter.toAbsolutePath().toString());
        jvmProperties.put("muster.management.address", management.address());
        jvmProperties.put("muster.management.port", Integer.toString(management.port()));
    }

    /** The management listener, where /metrics is served (and nowhere else). */
    public record Management(String address, int port) {
        public Management {
            Objects.requireNonNull(address, "management address");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the management port must be 1-65535, got " + port);
            }
        }
    }

    /** Where and how the server reaches PostgreSQL. */
    public record Database(String url, String user, String password, int poolSize) {
        public Database {
            if (poolSize < 2) {
                throw new IllegalArgumentException("the database pool size must be at least 2, got " + poolSize);
            }
        }
    }

    /**
     * {@code tcp://h:p?sslEnabled=true&trustStorePath=/x} becomes {@code host=h;port=p;sslEnabled=true;trustStorePath=/x}:
     * the query carries Artemis Netty transport parameters (TLS above all, see server-config/TLS.md).
     */
    static String connectionParameters(URI broker) {
        StringBuilder parameters = new StringBuilder("host=" + broker.getHost() + ";port=" + broker.getPort());
        if (broker.getQuery() != null) {
            for (String pair : broker.getQuery().split("&")) {
                if (!pair.matches("[A-Za-z][A-Za-z0-9]*=[^;,=]*")) {
                    throw new IllegalArgumentException("broker URL parameter must look like name=value without ';', ',' or '=' in the value, got: " + pair);
                }
                parameters.append(';').append(pair);
            }
        }
        return parameters.toString();
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

    /** The broker credentials go into an asadmin --property list, which splits on ':' and '='. */
    private static String requireAsadminSafe(String key, String value) {
        if (value != null && value.matches(".*[:=\\\\\\s].*")) {
            throw new IllegalArgumentException(key + " must not contain ':', '=', '\\' or spaces");
        }
        return value;
    }

    /** Payara substitutes values into the files as text: a quote or line break would end the quoted `set`. */
    private void put(String key, String value) {
        Objects.requireNonNull(value, key);
        if (value.isEmpty() || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException(key + " must be non-empty, without '\"' or line breaks");
        }
        settings.put(key, value);
    }

    /** The values as MicroProfile Config keys ({@code muster.db.url}), the management listener's included. */
    public Map<String, String> systemProperties() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(jvmProperties);
        return Map.copyOf(all);
    }

    /**
     * The {@code -D} options the server's JVM needs whichever way the other values travel: the management listener's
     * address and port, which the post-deploy commands read as system properties.
     */
    public List<String> jvmOptions() {
        return jvmProperties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The values as environment variables ({@code MUSTER_DB_URL}), MicroProfile Config's mapping of the keys. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> environment.put(environmentName(key), value));
        return environment;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Copies {@code pre-boot.asadmin}, {@code post-boot.asadmin} and {@code post-deploy.asadmin} (unchanged) into {@code dir}. */
    public static CommandFiles writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : FILES) {
            try (InputStream in = MicroCommands.class.getResourceAsStream("payara/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("payara/" + file + " is missing from the class path");
                }
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new CommandFiles(dir.resolve(FILES[0]), dir.resolve(FILES[1]), dir.resolve(FILES[2]));
    }

    /** The command files, for {@code --prebootcommandfile}, {@code --postbootcommandfile} and {@code --postdeploycommandfile}. */
    public record CommandFiles(Path preBoot, Path postBoot, Path postDeploy) {

        /** Payara Micro's options that run them. */
        public java.util.List<String> microOptions() {
            return java.util.List.of("--prebootcommandfile", preBoot.toString(), "--postbootcommandfile", postBoot.toString(),
                    "--postdeploycommandfile", postDeploy.toString());
        }
    }
}
