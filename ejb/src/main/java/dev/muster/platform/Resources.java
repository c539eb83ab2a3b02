package dev.muster.platform;

/**
 * The server resources the application uses, by JNDI name. The server defines them, not the application, so that its
 * transaction recovery knows them: on Payara Micro {@code server-config/payara/post-boot.asadmin}, on WildFly the CLI
 * scripts in {@code server-config/wildfly}. The data source is XA so that a job row and its queue message commit
 * together.
 */
public final class Resources {

    public static final String DATA_SOURCE = "jdbc/muster";
    public static final String CONNECTION_FACTORY = "jms/muster";

    private Resources() {
    }
}
