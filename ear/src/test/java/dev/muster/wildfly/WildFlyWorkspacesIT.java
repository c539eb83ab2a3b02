package dev.muster.wildfly;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces and truncation bookkeeping on WildFly (Hibernate, RESTEasy): a zip uploaded in several stored parts
 * comes back byte for byte to the worker holding the lease, and log appends go through the log window.
 */
@ExtendWith({ServerLogOnFailure.class, ArquillianExtension.class})
@RunAsClient
class WildFlyWorkspacesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("muster.it.ear")));
    }

    @Test
    void anUploadedWorkspaceReachesTheWorkerHoldingTheLease() throws Exception {
        byte[] zip = zip(1_500_000);
        HttpResponse<String> uploaded = send(request("/api/v1/workspaces", null)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String workspace = parse(uploaded.body()).getString("id");
        assertThat(parse(uploaded.body()).getJsonNumber("sizeBytes").longValue()).isEqualTo(zip.length);

        HttpResponse<String> submitted = post("/api/v1/jobs",
                "{\"command\":\"ls\",\"pool\":\"wildfly-ws\",\"workspace\":\"" + workspace + "\"}", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonObject worker = parse(post("/api/v1/workers", "{\"name\":\"it\",\"pool\":\"wildfly-ws\",\"slots\":1}",
                WildFlyEarIT.ENROLMENT_TOKEN).body());
        String workerId = worker.getString("workerId");
        String secret = worker.getString("secret");
        JsonObject leased = parse(post("/api/v1/workers/" + workerId + "/lease", "{\"slots\":1,\"waitSeconds\":10}", secret).body())
                .getJsonArray("jobs").getJsonObject(0);
        assertThat(leased.getJsonObject("workspace").getString("id")).isEqualTo(workspace);
        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");

        HttpResponse<byte[]> download = HTTP.send(request("/api/v1/workers/" + workerId + "/attempts/" + attempt + "/workspace", secret)
                .header("Muster-Lease-Token", token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(zip);
        assertThat(HTTP.send(request("/api/v1/workers/" + workerId + "/attempts/" + attempt + "/workspace", secret)
                .header("Muster-Lease-Token", "forged").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(409);

        String log = "/api/v1/workers/" + workerId + "/attempts/" + attempt + "/log";
        assertThat(post(log, "{\"leaseToken\":\"" + token + "\",\"chunks\":[{\"seq\":0,\"stream\":\"stdout\",\"data\":\"a\\n\"},"
                + "{\"seq\":1,\"stream\":\"stderr\",\"data\":\"b\\n\"}]}", secret).statusCode()).isEqualTo(204);
        String jobId = leased.getString("jobId");
        assertThat(send(request("/api/v1/jobs/" + jobId + "/log", null).GET()).body()).isEqualTo("a\nb\n");
    }

    private static HttpResponse<String> post(String path, String json, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("muster.it.httpPort") + path))
                .timeout(Duration.ofSeconds(30));
        // Without a worker's or enrolment token of its own, a call is the admin's.
        return request.header("Authorization", "Bearer " + (bearer == null ? WildFlyEarIT.ADMIN_TOKEN : bearer));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static byte[] zip(int noiseBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("noise.bin"));
            byte[] noise = new byte[noiseBytes];
            new Random(7).nextBytes(noise);
            zip.write(noise);
        }
        return bytes.toByteArray();
    }
}
