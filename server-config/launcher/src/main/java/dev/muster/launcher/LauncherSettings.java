package dev.muster.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's configuration: environment variables, or system properties of the same name in lower case with
 * dots ({@code MUSTER_HTTP_PORT} or {@code -Dmuster.http.port}). An unset database or broker URL means "start an
 * embedded one".
 */
record LauncherSettings(Path dataDir, Path runtimeDir, int httpPort, String bindAddress,
                        String managementAddress, int managementPort,
                        Optional<String> dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                        Optional<String> brokerUrl, String brokerUser, Optional<String> brokerPassword,
                        int localWorkerSlots, String localWorkerPool, String serverJavaOptions) {

    static LauncherSettings from(Map<String, String> env, Path runtimeDir) {
        Source source = new Source(env);
        return new LauncherSettings(
                Path.of(source.get("MUSTER_DATA_DIR", "muster-data")).toAbsolutePath(),
                Path.of(source.get("MUSTER_RUNTIME_DIR", runtimeDir.toString())),
                source.integer("MUSTER_HTTP_PORT", 8080),
                source.get("MUSTER_BIND_ADDRESS", "127.0.0.1"),
                source.get("MUSTER_MANAGEMENT_ADDRESS", "127.0.0.1"),
                source.integer("MUSTER_MANAGEMENT_PORT", 9080),
                source.optional("MUSTER_DB_URL"),
                source.get("MUSTER_DB_USER", "postgres"),
                source.get("MUSTER_DB_PASSWORD", "postgres"),
                source.integer("MUSTER_DB_POOL_SIZE", 32),
                source.optional("MUSTER_BROKER_URL"),
                source.get("MUSTER_BROKER_USER", "muster"),
                source.optional("MUSTER_BROKER_PASSWORD"),
                source.integer("MUSTER_LOCAL_WORKER_SLOTS", 2),
                source.get("MUSTER_LOCAL_WORKER_POOL", "default"),
                source.get("MUSTER_SERVER_JAVA_OPTS", "-Xmx768m"));
    }

    private record Source(Map<String, String> env) {
        String get(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        Optional<String> optional(String name) {
            String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            String value = property != null ? property : env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        int integer(String name, int fallback) {
            String value = get(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got: " + value);
            }
        }
    }
}
