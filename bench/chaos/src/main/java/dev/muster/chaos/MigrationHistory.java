package dev.muster.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What instances started together against a fresh database did to its schema. Each runs Flyway at start; Flyway
 * serialises them with a PostgreSQL advisory lock, so one applies the migrations and the others find them applied.
 * Were that not so, a migration would be listed twice or failed in Flyway's history — the run stops then.
 */
final class MigrationHistory {

    private MigrationHistory() {
    }

    /** Throws when a migration is recorded other than once and successfully; else says which versions are there. */
    static String verify(Database database) throws SQLException {
        List<String> versions = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, count(*), bool_and(success) from flyway_schema_history "
                     + "where version is not null group by version order by min(installed_rank)")) {
            while (rows.next()) {
                versions.add("V" + rows.getString(1));
                if (rows.getInt(2) != 1 || !rows.getBoolean(3)) {
                    wrong.add("V" + rows.getString(1) + " recorded " + rows.getInt(2) + " time(s), success " + rows.getBoolean(3));
                }
            }
        }
        if (versions.isEmpty() || !wrong.isEmpty()) {
            throw new IllegalStateException("the schema was not migrated exactly once: "
                    + (versions.isEmpty() ? "no migration recorded" : String.join("; ", wrong)));
        }
        return String.join(", ", versions) + " applied once each";
    }

    /** The instances' own word on it: SchemaMigration logs how many migrations it applied. */
    static List<String> appliedBy(List<ServerProcess> servers) {
        List<String> lines = new ArrayList<>();
        for (ServerProcess server : servers) {
            try (var log = Files.lines(server.log())) {
                log.filter(line -> line.contains("migrations applied")).findFirst()
                        .ifPresent(line -> lines.add(server.name() + ": " + excerpt(line)));
            } catch (IOException | java.io.UncheckedIOException e) {
                lines.add(server.name() + ": log unreadable (" + e.getMessage() + ")");
            }
        }
        return lines;
    }

    private static String excerpt(String line) {
        int at = line.indexOf("Database schema");
        return at < 0 ? line.strip() : line.substring(at).replaceAll("[|\\]]+$", "").strip();
    }
}
