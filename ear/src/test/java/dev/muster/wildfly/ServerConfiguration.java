package dev.muster.wildfly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Applies the operator's CLI scripts from server-config/wildfly, unchanged, to a fresh copy of standalone-full.xml
 * through WildFly's own CLI with an embedded (not running) server, the documented way to configure a stopped server.
 */
final class ServerConfiguration {

    static final String FILE = "muster-it.xml";

    private final Path wildfly;
    private final Path scripts;

    ServerConfiguration(Path wildfly, Path scripts) {
        this.wildfly = wildfly;
        this.scripts = scripts;
    }

    /** Starts from the pristine distribution state: no data, deployments, logs or earlier configuration. */
    void reset() throws IOException {
        Path standalone = wildfly.resolve("standalone");
        for (String dir : List.of("data", "tmp", "log", "configuration/standalone_xml_history")) {
            deleteRecursively(standalone.resolve(dir));
        }
        Path configuration = standalone.resolve("configuration");
        Files.copy(configuration.resolve("standalone-full.xml"), configuration.resolve(FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs the scripts in order, with {@code -D} properties for the CLI itself (e.g. the driver's path). */
    void apply(List<String> scriptNames, List<String> cliProperties, Path workDir) throws IOException, InterruptedException {
        StringBuilder batch = new StringBuilder("embed-server --server-config=" + FILE + " --std-out=discard\n");
        for (String name : scriptNames) {
            batch.append(Files.readString(scripts.resolve(name))).append('\n');
        }
        batch.append("stop-embedded-server\n");
        Path file = Files.writeString(workDir.resolve("configure-wildfly.cli"), batch);

        List<String> command = new ArrayList<>(List.of(wildfly.resolve("bin/jboss-cli.sh").toString(), "--file=" + file));
        command.addAll(cliProperties);
        Path output = workDir.resolve("configure-wildfly.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process cli = builder.start();
        if (!cli.waitFor(3, TimeUnit.MINUTES)) {
            cli.destroyForcibly();
            throw new IllegalStateException("the WildFly CLI did not finish in 3 minutes:\n" + Files.readString(output));
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("the WildFly CLI failed on " + scriptNames + ":\n" + Files.readString(output));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
