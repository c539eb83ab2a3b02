package dev.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL from the machine's own binaries ({@code /usr/lib/postgresql/15/bin}, or
 * {@code -Dmuster.bench.pgBin}) in a fresh directory on a loopback port, so the benchmark can fill it with SQL before
 * the server uses it. As root, initdb and postgres run under {@code unshare -U}, as STACK.md describes.
 */
final class ScratchPostgres implements AutoCloseable {

    private final Path bin = Path.of(System.getProperty("muster.bench.pgBin", "/usr/lib/postgresql/15/bin"));
    private final Path dir;
    private final int port;

    private ScratchPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static ScratchPostgres start(Path parent, int port) throws IOException, InterruptedException {
        ScratchPostgres postgres = new ScratchPostgres(Files.createTempDirectory(parent, "pg-"), port);
        postgres.run("initdb", "-D", postgres.dir.toString(), "-U", "postgres", "-A", "trust");
        postgres.run("pg_ctl", "-D", postgres.dir.toString(), "-l", postgres.dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + postgres.dir + " -c listen_addresses=127.0.0.1"
                        + " -c max_prepared_transactions=64 -c max_connections=100 -c fsync=on",
                "start");
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.getParent().resolve("pg-tools.log").toFile())).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed; see " + dir.getParent().resolve("pg-tools.log"));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "stop");
    }
}
