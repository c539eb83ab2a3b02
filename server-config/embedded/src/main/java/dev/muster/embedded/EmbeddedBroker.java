package dev.muster.embedded;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

import java.nio.file.Path;
import java.util.Set;

/**
 * An Artemis broker in this JVM with a persistent journal, one CORE acceptor on loopback and login required.
 * A standalone broker needs the same address settings (see server-config/README.md).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String ROLE = "muster";
    /** Where jobs out of attempts and poison messages end up; the server's {@code DeadLetters} sends there too. */
    public static final String DEAD_LETTER = "muster.dead-letter";
    /** Artemis audits every session and consumer at INFO; held here so the level sticks (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger AUDIT = java.util.logging.Logger.getLogger("org.apache.activemq.audit");

    private final EmbeddedActiveMQ server;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedBroker start(Path dataDir, int port, String user, String password) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("muster-embedded")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        configuration.putSecurityRoles("#", Set.of(new Role(ROLE, true, true, true, true, true, true, true, true, true, true, false, false)));
        // One dead-letter queue for both kinds of poison: a job out of attempts (sent there by the server) and a
        // message the router failed to handle ten times (moved there by the broker).
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000));
        // A dispatch message goes back to its queue whenever a lease transaction rolls back (the database or the
        // broker failed mid-grant); that is not poison, so it must never be dead-lettered. Dispatch queues live as
        // long as their pool: auto-deleting an idle one would only churn.
        configuration.addAddressSetting("muster.dispatch.#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        configuration.addAddressSetting(DEAD_LETTER, new AddressSettings()
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER).setRoutingType(RoutingType.ANYCAST));

        AUDIT.setLevel(java.util.logging.Level.WARNING);
        ActiveMQSecurityManagerImpl security = new ActiveMQSecurityManagerImpl();
        security.getConfiguration().addUser(user, password);
        security.getConfiguration().addRole(user, ROLE);

        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration).setSecurityManager(security);
        server.start();
        return new EmbeddedBroker(server, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
