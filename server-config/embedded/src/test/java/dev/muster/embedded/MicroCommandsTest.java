package dev.muster.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MicroCommandsTest {

    private static final MicroCommands COMMANDS = new MicroCommands("127.0.0.1", "tcp://10.0.0.1:61616, tcp://10.0.0.2:61617",
            "muster", "s3cret", Path.of("/opt/muster/muster-artemis.rar"), Path.of("/var/lib/muster/txlog"));

    @Test
    void setsListenerAndTransactionLogBeforeBoot() {
        String preBoot = COMMANDS.renderPreBoot();
        assertThat(preBoot).contains("http-listener.address=127.0.0.1");
        assertThat(preBoot).contains("transaction-service.tx-log-dir=/var/lib/muster/txlog")
                .contains("transaction-service.automatic-recovery=true");
        assertThat(COMMANDS.render()).doesNotContain("http-listener");
    }

    @Test
    void pointsTheAdapterAtEveryBrokerWithEscapedParameters() {
        String commands = COMMANDS.render();

        assertThat(commands).contains("ConnectionParameters=host\\=10.0.0.1;port\\=61616,host\\=10.0.0.2;port\\=61617");
        assertThat(commands).contains("ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory,"
                + "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory:");
        assertThat(commands).contains(":UserName=muster:Password=s3cret muster-artemis");
        assertThat(commands.indexOf("create-resource-adapter-config")).isLessThan(commands.indexOf("deploy --name muster-artemis"));
    }

    @Test
    void refusesBrokerUrlsThatAreNotTcp() {
        assertThatThrownBy(() -> MicroCommands.parseBrokers("http://broker:8161"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port");
    }

    @Test
    void refusesCredentialsThatAsadminWouldSplit() {
        assertThatThrownBy(() -> new MicroCommands("0.0.0.0", "tcp://b:1", "muster", "a:b=c", Path.of("x.rar"), Path.of("tx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broker password");
    }
}
