package dev.muster.health.boundary;

import dev.muster.dispatch.control.DispatchQueues;
import dev.muster.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready means both systems of record answer: PostgreSQL and the broker. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

    @Resource(lookup = Resources.DATA_SOURCE)
    DataSource dataSource;

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        String database = databaseProblem();
        String broker = brokerProblem();
        return HealthCheckResponse.named("muster")
                .status(database == null && broker == null)
                .withData("database", database == null ? "UP" : database)
                .withData("broker", broker == null ? "UP" : broker)
                .build();
    }

    private String databaseProblem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "not answering";
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }

    private String brokerProblem() {
        try (JMSContext context = connectionFactory.createContext()) {
            // Browsing forces a round trip; a pooled connection alone proves nothing.
            context.createBrowser(context.createQueue(DispatchQueues.SUBMITTED)).getEnumeration().hasMoreElements();
            return null;
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
