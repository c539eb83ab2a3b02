package dev.muster.chaos;

import dev.muster.embedded.EmbeddedBroker;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.Passwords;

import java.nio.file.Path;

/** The embedded Artemis broker in this JVM, restartable on the same port with the same journal and credentials. */
final class EmbeddedArtemis implements Broker {

    private final Path dataDir;
    private final int port;
    private final String password = Passwords.random();
    private EmbeddedBroker running;

    private EmbeddedArtemis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static EmbeddedArtemis start(Path dataDir) throws Exception {
        EmbeddedArtemis broker = new EmbeddedArtemis(dataDir, FreePort.pick());
        broker.start();
        return broker;
    }

    @Override
    public synchronized void start() throws Exception {
        if (running == null) {
            running = EmbeddedBroker.start(dataDir, port, USER, password);
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String password() {
        return password;
    }
}
