package dev.muster.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The application's server resources. The JDBC URL and credentials come from MicroProfile Config
 * ({@code muster.db.*}, i.e. {@code MUSTER_DB_URL} …); the broker location is the resource adapter's own
 * configuration (see server-config). An XA data source lets a job row and its queue message commit together.
 */
@DataSourceDefinition(
        name = Resources.DATA_SOURCE,
        className = "org.postgresql.xa.PGXADataSource",
        url = "${MPCONFIG=muster.db.url}",
        user = "${MPCONFIG=muster.db.user}",
        password = "${MPCONFIG=muster.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // Validate pooled connections (a restarted database leaves dead ones behind), but at most every 10 s per
        // connection: validating on every checkout costs a round trip on every transaction.
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.fail-all-connections=true"})
@JMSConnectionFactoryDefinition(
        name = Resources.CONNECTION_FACTORY,
        resourceAdapter = Resources.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.ConnectionFactory",
        user = "${MPCONFIG=muster.broker.user}",
        password = "${MPCONFIG=muster.broker.password}",
        maxPoolSize = 64)
public final class Resources {

    public static final String DATA_SOURCE = "java:app/jdbc/muster";
    public static final String CONNECTION_FACTORY = "java:app/jms/muster";
    public static final String RESOURCE_ADAPTER = "muster-artemis";

    private Resources() {
    }
}
