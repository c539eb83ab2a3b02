package dev.muster.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MicroCommandsTest {

    private static final MicroCommands.Database DATABASE =
            new MicroCommands.Database("jdbc:postgresql://db:5432/muster", "muster", "p:w=x y", 16);
    private static final MicroCommands.Management MANAGEMENT = new MicroCommands.Management("127.0.0.1", 9080);
    private static final MicroCommands COMMANDS = new MicroCommands("127.0.0.1", Path.of("/var/lib/muster/txlog"), DATABASE,
            "tcp://10.0.0.1:61616, tcp://10.0.0.2:61617", "muster", "s3cret", Path.of("/opt/muster/muster-artemis.rar"),
            new MicroCommands.Management("127.0.0.1", 9080));

    @Test
    void theManagementListenerTravelsAsJvmOptionsNeverAsEnvironment() {
        assertThat(COMMANDS.jvmOptions()).containsExactly("-Dmuster.management.address=127.0.0.1", "-Dmuster.management.port=9080");
        assertThat(COMMANDS.environment()).doesNotContainKey("MUSTER_MANAGEMENT_PORT");
        assertThat(COMMANDS.systemProperties()).containsEntry("muster.management.port", "9080");
        assertThatThrownBy(() -> new MicroCommands.Management("127.0.0.1", 0)).hasMessageContaining("1-65535");
    }

    @Test
    void derivesTheAdapterSettingsFromEveryBrokerUrl() {
        assertThat(COMMANDS.systemProperties())
                .containsEntry("muster.broker.connection-parameters", "host=10.0.0.1;port=61616,host=10.0.0.2;port=61617")
                .containsEntry("muster.broker.connector-classes", MicroCommands.NETTY + "," + MicroCommands.NETTY)
                .containsEntry("muster.db.password", "p:w=x y")
                .containsEntry("muster.db.pool-size", "16");
    }

    @Test
    void namesEnvironmentVariablesAsMicroProfileConfigLooksThemUp() {
        assertThat(COMMANDS.environment())
                .containsEntry("MUSTER_DB_URL", "jdbc:postgresql://db:5432/muster")
                .containsEntry("MUSTER_DB_POOL_SIZE", "16")
                .containsEntry("MUSTER_BROKER_CONNECTION_PARAMETERS", "host=10.0.0.1;port=61616,host=10.0.0.2;port=61617")
                .containsEntry("MUSTER_TX_LOG_DIR", "/var/lib/muster/txlog");
    }

    @Test
    void everyKeyTheCommandFilesReadIsProvided(@TempDir Path dir) throws Exception {
        MicroCommands.CommandFiles files = MicroCommands.writeTo(dir);
        String commands = (Files.readString(files.preBoot()) + Files.readString(files.postBoot())
                + Files.readString(files.postDeploy()))
                .lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        Matcher keys = Pattern.compile("\\$\\{(MPCONFIG|ENV)=([^}]+)}").matcher(commands);
        int count = 0;
        while (keys.find()) {
            Map<String, String> source = keys.group(1).equals("ENV") ? COMMANDS.environment() : COMMANDS.systemProperties();
            assertThat(source).containsKey(keys.group(2));
            count++;
        }
        assertThat(count).isGreaterThan(10);
        assertThat(COMMANDS.systemProperties().keySet()).allSatisfy(key -> assertThat(commands)
                .containsAnyOf("${MPCONFIG=" + key + "}", "${ENV=" + MicroCommands.environmentName(key) + "}",
                        "${" + key + "}"));
        Matcher jvmKeys = Pattern.compile("\\$\\{(muster\\.[a-z.-]+)}").matcher(commands);
        while (jvmKeys.find()) {
            assertThat(COMMANDS.jvmOptions()).anyMatch(option -> option.startsWith("-D" + jvmKeys.group(1) + "="));
        }
    }

    @Test
    void configuresTheAdapterBeforeDeployingIt(@TempDir Path dir) throws Exception {
        String postBoot = Files.readString(MicroCommands.writeTo(dir).postBoot());
        assertThat(postBoot.indexOf("resource-adapter-config.muster-artemis.property.Password"))
                .isPositive().isLessThan(postBoot.indexOf("deploy --name muster-artemis"));
        assertThat(postBoot.indexOf("deploy --name muster-artemis")).isLessThan(postBoot.indexOf("create-connector-connection-pool"));
        assertThat(postBoot.indexOf("set-log-levels fish.payara.boot.runtime.BootCommand=WARNING"))
                .isLessThan(postBoot.indexOf("property.password"));
    }

    @Test
    void refusesBrokerCredentialsThatAsadminWouldSplit() {
        assertThatThrownBy(() -> new MicroCommands("0.0.0.0", Path.of("tx"), DATABASE, "tcp://b:1", "muster", "a:b=c", Path.of("x.rar"), MANAGEMENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("muster.broker.password");
    }

    @Test
    void passesTransportParametersOfTheUrlToTheAdapter() {
        assertThat(MicroCommands.connectionParameters(java.net.URI.create("tcp://b:61617?sslEnabled=true&trustStorePath=/etc/muster/ca.p12")))
                .isEqualTo("host=b;port=61617;sslEnabled=true;trustStorePath=/etc/muster/ca.p12");
        assertThatThrownBy(() -> MicroCommands.connectionParameters(java.net.URI.create("tcp://b:1?x=a;b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x=a;b");
    }

    @Test
    void refusesBrokerUrlsThatAreNotTcp() {
        assertThatThrownBy(() -> MicroCommands.parseBrokers("http://broker:8161"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port");
    }

    @Test
    void refusesValuesThatWouldEndAQuotedSet() {
        assertThatThrownBy(() -> new MicroCommands("0.0.0.0", Path.of("tx"), DATABASE, "tcp://b:1", "muster", "a\"b", Path.of("x.rar"), MANAGEMENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("muster.broker.password");
    }
}
