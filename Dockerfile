# Muster server image: the same bundle the README's run command starts.
# Without MUSTER_DB_URL / MUSTER_BROKER_URL it runs the embedded PostgreSQL and Artemis (data in /var/lib/muster);
# with them it is one stateless instance of a production deployment.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/muster --create-home muster
COPY --from=build /src/server-config/launcher/target/muster-server /opt/muster
USER muster
ENV MUSTER_DATA_DIR=/var/lib/muster \
    MUSTER_BIND_ADDRESS=0.0.0.0 \
    MUSTER_HTTP_PORT=8080
VOLUME /var/lib/muster
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/opt/muster/muster-server.jar"]
