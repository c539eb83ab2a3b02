package dev.muster.platform;

/**
 * The server resources the application uses, by JNDI name. The server defines them, not the application, so that its
 * transaction recovery knows them: on Payara Micro {@code server-config/payara/post-boot.asadmin}, on WildFly the CLI
 * scripts in {@code server-config/wildfly}. No transaction holds both: each step commits one of them, the database
 * first (a queue message waits in the outbox table until its row has committed; a lease's attempt commits before its
 * message is acknowledged), so no commit is ever left in doubt between the two (docs/reliability.md).
 */
public final class Resources {

    public static final String DATA_SOURCE = "jdbc/muster";
    public static final String CONNECTION_FACTORY = "jms/muster";

    private Resources() {
    }
}
