package dev.muster.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api}; its versions under {@code /api/v1} and later. */
@ApplicationPath("/api")
public class MusterApplication extends Application {
}
