package dev.muster.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace uploads end to end: upload, a job that names the workspace, the lease that shows it, the download fenced
 * by the lease token; and the refusals (too large, not a zip). The upload limit is 2 MiB for the suite.
 */
class WorkspacesIT extends OnRealServer {

    private static final int UPLOAD_LIMIT = 2 * 1024 * 1024;

    @Test
    void anUploadedWorkspaceTravelsWithItsJobToTheWorkerHoldingTheLease() throws Exception {
        byte[] zip = zip(1_500_000); // more than one stored part
        Api.Reply uploaded = api.postBytes("/api/v1/workspaces", "application/zip", zip, null);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonObject workspace = uploaded.json();
        String id = workspace.getString("id");
        assertThat(uploaded.location()).endsWith("/api/v1/workspaces/" + id);
        assertThat(workspace.getJsonNumber("sizeBytes").longValue()).isEqualTo(zip.length);
        assertThat(workspace.getString("sha256")).isEqualTo(sha256(zip));
        assertThat(workspace.getString("createdAt")).isNotBlank();

        String pool = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply submitted = api.post("/api/v1/jobs", "{\"command\":\"ls\",\"pool\":\"" + pool + "\",\"workspace\":\"" + id + "\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().getString("workspace")).isEqualTo(id);

        Worker worker = Worker.register(api, pool, "[]");
        JsonObject leased = worker.lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        JsonObject shown = leased.getJsonObject("workspace");
        assertThat(shown.getString("id")).isEqualTo(id);
        assertThat(shown.getJsonNumber("sizeBytes").longValue()).isEqualTo(zip.length);
        assertThat(shown.getString("sha256")).isEqualTo(sha256(zip));
        String attempt = leased.getString("attemptId");
        String token = leased.getString("leaseToken");

        Api.Download download = worker.workspace(attempt, token);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/zip");
        assertThat(download.body()).isEqualTo(zip);

        for (String wrong : new String[] {"forged", null}) {
            Api.Download refused = worker.workspace(attempt, wrong);
            assertThat(refused.status()).as("lease token " + wrong).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Worker other = Worker.register(api, pool, "[]");
        assertThat(other.workspace(attempt, token).status()).as("another worker with the token").isEqualTo(409);

        assertThat(worker.complete(attempt, token, 0).status()).isEqualTo(200);
        assertThat(worker.workspace(attempt, token).status()).as("after the attempt ended").isEqualTo(409);
    }

    @Test
    void aJobWithoutWorkspaceIsLeasedWithNone() {
        String pool = "it-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/jobs", "{\"command\":\"true\",\"pool\":\"" + pool + "\"}");
        JsonObject leased = Worker.register(api, pool, "[]").lease(1, 10).getJsonArray("jobs").getJsonObject(0);
        assertThat(leased.isNull("workspace")).isTrue();
    }

    @Test
    void anOctetStreamZipIsTakenToo() throws Exception {
        Api.Reply uploaded = api.postBytes("/api/v1/workspaces", "application/octet-stream", zip(10), null);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/workspaces/" + uploaded.json().getString("id")).status()).isEqualTo(200);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() throws Exception {
        Api.Reply reply = api.postBytes("/api/v1/workspaces", "application/zip", zip(UPLOAD_LIMIT + 100_000), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("detail")).contains("muster.limits.upload-bytes");
    }

    @Test
    void whatIsNotAZipIsRefusedWith422() {
        Api.Reply reply = api.postBytes("/api/v1/workspaces", "application/zip", "just text".getBytes(), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("field")).isEqualTo("body");
        assertThat(api.postBytes("/api/v1/workspaces", "text/plain", new byte[] {'P', 'K', 3, 4}, null).status())
                .as("another media type").isEqualTo(415);
    }

    private static byte[] zip(int noiseBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("build.sh"));
            zip.write("echo built\n".getBytes());
            byte[] noise = new byte[noiseBytes]; // incompressible, so the archive has about this size
            new Random(noiseBytes).nextBytes(noise);
            zip.putNextEntry(new ZipEntry("data/noise.bin"));
            zip.write(noise);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
