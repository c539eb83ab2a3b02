package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.fake.FakeMusterServer;
import dev.muster.worker.protocol.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's side of issue 6 against the fake server: enrolment, workspace archives, the job environment. */
class WorkerSecurityTest {

    private static final String ENROLMENT = "mst_enr_dGVzdC1lbnJvbG1lbnQtdG9rZW4";

    @TempDir
    Path workDir;

    @TempDir
    Path temp;

    private final FakeMusterServer server = new FakeMusterServer();
    private Worker worker;

    WorkerSecurityTest() throws IOException {
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        server.close();
    }

    @Test
    void registersWithTheEnrolmentTokenAsBearerAndThenUsesItsSecret() {
        server.requireEnrolmentToken(ENROLMENT);
        String job = server.enqueue("echo hi", Map.of(), null);

        start(ENROLMENT, JobIsolation.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.registrationAuthorizations()).containsExactly("Bearer " + ENROLMENT);
        assertThat(server.registrations().get(0)).doesNotContainKey("enrolmentToken");
        assertThat(server.completion(job).getString("outcome")).isEqualTo("exited");
    }

    @Test
    void aRefusedEnrolmentTokenEndsTheWorker() {
        server.requireEnrolmentToken(ENROLMENT);

        start("mst_enr_wrong", JobIsolation.DEFAULT);

        assertThat(worker.termination().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
    }

    @Test
    void unpacksTheWorkspaceBeforeTheCommandRuns() throws Exception {
        byte[] zip = Files.readAllBytes(Zips.write(temp.resolve("ws.zip"), z -> {
            Zips.file(z, "data/input.txt", "from the archive\n");
            Zips.file(z, "run.sh", "#!/bin/sh\ncat data/input.txt\n");
        }));
        Path patched = Files.write(temp.resolve("exec.zip"), zip);
        Zips.setUnixMode(patched, "run.sh", 0100755);
        byte[] executable = Files.readAllBytes(patched);
        String job = server.enqueueWithWorkspace("./run.sh", executable, sha256(executable));

        start(null, JobIsolation.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getInt("exitCode")).isZero();
        assertThat(server.output(job, "stdout")).isEqualTo("from the archive\n");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(workDir).isEmptyDirectory());
    }

    @Test
    void aRefusedWorkspaceFailsTheAttemptWithoutRunningTheCommand() throws Exception {
        byte[] zip = Files.readAllBytes(Zips.write(temp.resolve("slip.zip"), z -> Zips.file(z, "../escaped", "x")));
        String job = server.enqueueWithWorkspace("touch ran", zip, sha256(zip));

        start(null, JobIsolation.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("error");
        assertThat(server.completion(job).getString("detail")).startsWith("workspace refused:")
                .contains("outside the workspace");
        assertThat(server.output(job, "stderr")).contains("workspace refused");
        assertThat(workDir.resolve("escaped")).doesNotExist();
    }

    @Test
    void aWorkspaceThatDoesNotMatchItsHashIsRefused() throws Exception {
        byte[] zip = Files.readAllBytes(Zips.write(temp.resolve("ws.zip"), z -> Zips.file(z, "a", "a")));
        String job = server.enqueueWithWorkspace("true", zip, "00".repeat(32));

        start(null, JobIsolation.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("error");
        assertThat(server.completion(job).getString("detail")).contains("does not match its SHA-256");
    }

    @Test
    void aStalledDownloadFailsTheAttempt() throws Exception {
        String job = jobWithStallingWorkspace();

        start(null, JobIsolation.DEFAULT, Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("error");
        assertThat(server.completion(job).getString("detail")).contains("no data for 1 s");
    }

    @Test
    void aCancelDuringTheDownloadCancelsTheAttempt() throws Exception {
        String job = jobWithStallingWorkspace();
        start(null, JobIsolation.DEFAULT, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.attemptOf(job) != null);

        server.cancel(server.attemptOf(job));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("cancelled");
    }

    @Test
    void jobsSeeOnlyAllowListedVariablesAndTheirOwn() {
        String job = server.enqueue("env | sort", Map.of("OWN", "mine"), null);

        start(null, new JobIsolation(new JobEnvironment(List.of("PATH")), RunAs.NONE, ArchiveLimits.DEFAULT));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        List<String> names = server.output(job, "stdout").lines().map(line -> line.split("=", 2)[0])
                .filter(name -> !name.equals("PWD") && !name.equals("SHLVL") && !name.equals("_")) // set by sh
                .toList();
        assertThat(names).containsExactlyInAnyOrder("PATH", "OWN", "MUSTER_JOB_ID", "MUSTER_ATTEMPT_ID");
    }

    private String jobWithStallingWorkspace() throws Exception {
        server.stallWorkspaceDownloads();
        byte[] zip = Files.readAllBytes(Zips.write(temp.resolve("ws.zip"), z -> Zips.zeros(z, "big", 1 << 20)));
        return server.enqueueWithWorkspace("true", zip, sha256(zip));
    }

    private void start(String enrolmentToken, JobIsolation isolation) {
        start(enrolmentToken, isolation, Duration.ofSeconds(60));
    }

    private void start(String enrolmentToken, JobIsolation isolation, Duration downloadStall) {
        WorkerTuning fast = WorkerTest.FAST;
        WorkerTuning tuning = new WorkerTuning(fast.backoff(), fast.cadence(), fast.logCapacityBytes(),
                fast.killGrace(), fast.outputGrace(), fast.finalReportTimeout(), fast.leaseWaitSeconds(),
                downloadStall);
        worker = new Worker(new WorkerSettings(List.of(server.uri()), "secure-worker", "default", List.of(), 1,
                workDir, Duration.ofSeconds(5), enrolmentToken, null, isolation), tuning);
        worker.start();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
