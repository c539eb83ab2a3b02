package dev.muster.chaos;

import java.util.Locale;

/**
 * The run's Artemis broker, restartable on the same port with the same journal and credentials: embedded in this JVM
 * (the default topology) or the standalone distribution as a child process (the production topology).
 */
interface Broker extends AutoCloseable {

    String USER = "muster";

    /** Starts the broker unless it runs; returns once it accepts connections. */
    void start() throws Exception;

    /** Stops the broker unless it is stopped; its journal stays. */
    void stop() throws Exception;

    String url();

    String password();

    @Override
    default void close() throws Exception {
        stop();
    }

    /** {@code chaos.broker}: which broker a run starts. */
    enum Kind {
        EMBEDDED, STANDALONE;

        static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("chaos.broker must be embedded or standalone, got: " + value);
            }
        }
    }
}
