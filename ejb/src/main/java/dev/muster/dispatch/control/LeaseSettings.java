package dev.muster.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long a lease lasts without a heartbeat, and how often workers are told to heartbeat. */
@ApplicationScoped
public class LeaseSettings {

    @Inject
    @ConfigProperty(name = "muster.lease.seconds", defaultValue = "15")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "muster.heartbeat.seconds", defaultValue = "5")
    int heartbeatSeconds;

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }
}
