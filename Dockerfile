# Muster server image: one Muster instance on the official Payara Micro image, started by the same launcher and the
# same Payara command files (server-config/payara/*.asadmin) as the README's run command and the tests.
#
#   docker build -t muster .
#   docker run -p 8080:8080 muster                       embedded PostgreSQL, broker and local worker (try it out)
#   docker compose up                                    production shape: see compose.yaml
#
# With MUSTER_DB_URL and MUSTER_BROKER_URL set the launcher starts nothing embedded: the container is one stateless
# instance. Every setting is an environment variable (README, "Configuration").

# --- build: the whole reactor, tests skipped (CI runs them) ---------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

# --- run: Payara Micro's official image (JDK 17), as its non-root user "payara" ------------------------------------
FROM payara/micro:6.2025.10-jdk17
USER root
COPY --from=build --chown=payara:payara /src/server-config/launcher/target/muster-server /opt/muster
COPY --from=build --chown=payara:payara /src/worker-client/target/muster.jar /opt/muster/muster.jar
# The launcher runs the image's own Payara Micro; the bundle's copy is left out.
RUN rm -f /opt/muster/runtime/payara-micro.jar \
 && ln -s /opt/payara/payara-micro.jar /opt/muster/runtime/payara-micro.jar \
 && mkdir -p /var/lib/muster \
 && chown payara:payara /var/lib/muster
USER payara
ENV MUSTER_DATA_DIR=/var/lib/muster \
    MUSTER_BIND_ADDRESS=0.0.0.0 \
    MUSTER_HTTP_PORT=8080
VOLUME /var/lib/muster
EXPOSE 8080
# Ready = database and broker answer. 12 retries x 15 s cover a slow first start (dockerfilelint, our linter, does not
# know --start-period).
HEALTHCHECK --interval=15s --timeout=10s --retries=12 \
  CMD java -cp /opt/muster/muster-server.jar dev.muster.launcher.Readiness || exit 1
ENTRYPOINT ["java", "-jar", "/opt/muster/muster-server.jar"]
