package dev.muster.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven Central) whose data directory survives restarts, so the embedded
 * default speaks the same SQL dialect as production.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "muster";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port} with its data in {@code dataDir} and creates the muster database. */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Path binaries = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
        Files.createDirectories(binaries);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Whoever starts it stops it, in order: a JVM hook of its own would stop PostgreSQL at once, in
                // parallel with the launcher's ordered shutdown, under the server still using it.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.createDatabaseIfMissing();
        return database;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rows.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
