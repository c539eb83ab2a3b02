package dev.muster.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile and compose.yaml cannot be run here (no container engine), so they are held to what is tested:
 * every setting they use is one the README documents (and the launcher or the server reads), and every file they
 * take from the build or the repository is one that exists.
 */
class ContainerFilesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\b(MUSTER_[A-Z0-9_]+)\\b");

    @Test
    void composeAndDockerfileUseOnlyDocumentedSettings() throws IOException {
        Set<String> documented = variables(configurationTable());
        assertThat(documented).contains("MUSTER_DB_URL", "MUSTER_DB_POOL_SIZE", "MUSTER_BROKER_URL");

        assertThat(variables(read("compose.yaml"))).isSubsetOf(documented);
        assertThat(variables(read("Dockerfile"))).isSubsetOf(documented);
    }

    @Test
    void theFilesTheyTakeExist() throws IOException {
        Matcher copies = Pattern.compile("COPY --from=build \\S* ?/src/(\\S+)").matcher(read("Dockerfile"));
        int count = 0;
        while (copies.find()) {
            String built = copies.group(1);
            // Build outputs: the module that makes them must exist, and the launcher bundle must be the one we test.
            String module = built.substring(0, built.indexOf("/target/"));
            assertThat(ROOT.resolve(module).resolve("pom.xml")).as(built).isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(read("Dockerfile")).contains("server-config/launcher/target/muster-server");

        Matcher mounts = Pattern.compile("- \\./(\\S+):/").matcher(read("compose.yaml"));
        while (mounts.find()) {
            assertThat(ROOT.resolve(mounts.group(1))).as("mounted by compose.yaml").isRegularFile();
        }
    }

    private static String configurationTable() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("## Configuration");
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
