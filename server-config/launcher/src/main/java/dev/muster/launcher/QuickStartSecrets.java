package dev.muster.launcher;

import dev.muster.embedded.Passwords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials a one-command start needs to be usable at once: an admin API token (for curl and the CLI), an
 * enrolment token (for the local worker) and the console's admin password. Each comes from the environment when set
 * ({@code MUSTER_BOOTSTRAP_TOKEN}, {@code MUSTER_BOOTSTRAP_ENROLMENT_TOKEN}, {@code MUSTER_ADMIN_PASSWORD}); else it
 * is generated once and kept in a file of the data directory readable only by its owner, so that a restart on the
 * same data directory uses the same ones. The server stores only their hashes.
 */
record QuickStartSecrets(String apiToken, Path apiTokenFile, String enrolmentToken, String adminPassword,
                         Path adminPasswordFile) {

    static QuickStartSecrets in(Path dataDir, Map<String, String> env) {
        Path apiFile = dataDir.resolve("admin-token");
        Path passwordFile = dataDir.resolve("admin-password");
        return new QuickStartSecrets(
                configured(env, "MUSTER_BOOTSTRAP_TOKEN").orElse(kept(apiFile, "mst_api_")),
                configured(env, "MUSTER_BOOTSTRAP_TOKEN").isPresent() ? null : apiFile,
                configured(env, "MUSTER_BOOTSTRAP_ENROLMENT_TOKEN").orElse(kept(dataDir.resolve("enrolment-token"), "mst_enr_")),
                configured(env, "MUSTER_ADMIN_PASSWORD").orElse(kept(passwordFile, "")),
                configured(env, "MUSTER_ADMIN_PASSWORD").isPresent() ? null : passwordFile);
    }

    /** What the server reads them from (MicroProfile Config maps these to muster.bootstrap.token and so on). */
    Map<String, String> serverEnvironment() {
        return Map.of("MUSTER_BOOTSTRAP_TOKEN", apiToken,
                "MUSTER_BOOTSTRAP_ENROLMENT_TOKEN", enrolmentToken,
                "MUSTER_ADMIN_PASSWORD", adminPassword);
    }

    private static Optional<String> configured(Map<String, String> env, String name) {
        String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        String value = property != null ? property : env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String kept(Path file, String prefix) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String secret = prefix + Passwords.random() + Passwords.random();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("could not keep a generated secret in " + file + ": " + e.getMessage(), e);
        }
    }
}
