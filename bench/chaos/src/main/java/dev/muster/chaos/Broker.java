package dev.muster.chaos;

import dev.muster.embedded.EmbeddedBroker;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.Passwords;

import java.nio.file.Path;

/** The embedded Artemis broker in this JVM, restartable on the same port with the same journal and credentials. */
final class Broker implements AutoCloseable {

    static final String USER = "muster";

    private final Path dataDir;
    private final int port;
    private final String password = Passwords.random();
    private EmbeddedBroker running;

    private Broker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static Broker start(Path dataDir) throws Exception {
        Broker broker = new Broker(dataDir, FreePort.pick());
        broker.start();
        return broker;
    }

    synchronized void start() throws Exception {
        if (running == null) {
            running = EmbeddedBroker.start(dataDir, port, USER, password);
        }
    }

    synchronized void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
