package dev.muster.chaos;

import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The embedded PostgreSQL, restartable on the same port with the same data directory. */
final class Database implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedDatabase running;

    private Database(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static Database start(Path dataDir) throws IOException, SQLException {
        Database database = new Database(dataDir, FreePort.pick());
        database.start();
        return database;
    }

    synchronized void start() throws IOException, SQLException {
        if (running == null) {
            running = EmbeddedDatabase.start(dataDir, port);
        }
    }

    synchronized void stop() throws IOException {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE;
    }

    /** A fresh connection each time, so a restart in between costs nothing but that call. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), EmbeddedDatabase.USER, "postgres");
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
