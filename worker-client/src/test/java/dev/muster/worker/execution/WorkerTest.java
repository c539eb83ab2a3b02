package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.fake.FakeMusterServer;
import dev.muster.worker.logshipping.LogShipper;
import dev.muster.worker.protocol.Backoff;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

    static final WorkerTuning FAST = new WorkerTuning(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
            LogShipper.Cadence.DEFAULT, 8L * 1024 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 1);

    /** SIGKILL 300 ms after SIGTERM. */
    static final WorkerTuning QUICK_KILLS = new WorkerTuning(FAST.backoff(), FAST.cadence(), FAST.logCapacityBytes(),
            Duration.ofMillis(300), FAST.outputGrace(), FAST.finalReportTimeout(), 1);

    @TempDir
    Path workDir;

    @TempDir
    Path pidDir;

    private final FakeMusterServer server = new FakeMusterServer();
    private Worker worker;

    WorkerTest() throws IOException {
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        server.close();
    }

    @Test
    void runsLeasedJobsAndReportsTheirLogsAndExitCodes() {
        String failing = server.enqueue("echo out; echo err >&2; echo more; exit 3", Map.of(), null);
        String succeeding = server.enqueue("printf 'a\\nb\\n'; echo \"$WHO\"", Map.of("WHO", "muster"), null);
        String interleaving = server.enqueue("for i in 1 2 3; do echo o$i; sleep 0.3; echo e$i >&2; sleep 0.3; done", Map.of(), null);

        startWorker(2, Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(interleaving) != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(failing) != null && server.completion(succeeding) != null);
        assertThat(exited(failing)).isEqualTo(3);
        assertThat(exited(succeeding)).isZero();
        assertThat(exited(interleaving)).isZero();
        assertThat(server.output(failing, "stdout")).isEqualTo("out\nmore\n");
        assertThat(server.output(failing, "stderr")).isEqualTo("err\n");
        assertThat(server.output(succeeding, "stdout")).isEqualTo("a\nb\nmuster\n");
        assertThat(server.log(interleaving)).isEqualTo("out:o1\nerr:e1\nout:o2\nerr:e2\nout:o3\nerr:e3\n");
        assertThat(server.chunks(interleaving)).extracting(c -> c.getJsonNumber("seq").longValue())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(server.registrations()).singleElement().satisfies(r -> {
            assertThat(r.getString("name")).isEqualTo("test-worker");
            assertThat(r.getInt("slots")).isEqualTo(2);
        });
        assertThat(server.leaseSlots()).allSatisfy(slots -> assertThat(slots).isBetween(1, 2));
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void heartbeatsListTheRunningAttempts() {
        String job = server.enqueue("sleep 30", Map.of(), null);
        startWorker(1, Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatListing(server.attemptOf(job)));
        assertThat(server.leaseSlots()).doesNotContain(0);
    }

    @Test
    void killsAndReportsJobsCancelledOnTheServer() {
        String job = server.enqueue("echo started; sleep 30", Map.of(), null);
        startWorker(1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);

        server.cancel(server.attemptOf(job));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(job) != null);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("cancelled");
        assertThat(server.log(job)).startsWith("out:started\n").contains("[muster: killed: cancelled]");
    }

    @Test
    void stopsStaleAttemptsWithoutReportingThem() {
        String job = server.enqueue("sleep 30", Map.of(), null);
        String next = server.enqueue("echo next", Map.of(), null);
        startWorker(1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);

        server.withdraw(server.attemptOf(job));

        // the single slot frees up only once the stale job is gone
        await().atMost(Duration.ofSeconds(8)).until(() -> server.completion(next) != null);
        assertThat(server.completion(job)).isNull();
    }

    @Test
    void reportsTimeoutsAndJobsThatCannotStart() throws IOException {
        String slow = server.enqueue("sleep 30", Map.of(), 1);
        startWorker(1, Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(6)).until(() -> server.completion(slow) != null);
        assertThat(server.completion(slow).getString("outcome")).isEqualTo("timed_out");

        Files.delete(workDir);
        Files.writeString(workDir, "a file where the work dir should be");
        String unstartable = server.enqueue("true", Map.of(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(unstartable) != null);
        assertThat(server.completion(unstartable).getString("outcome")).isEqualTo("error");
        assertThat(server.completion(unstartable).getString("detail")).startsWith("cannot start the job");
        Files.delete(workDir);
        Files.createDirectory(workDir);
    }

    @Test
    void survivesAnUnavailableServerAndDeliversTheWholeLogAfterwards() {
        startWorker(1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.leaseSlots().isEmpty());
        String job = server.enqueue("for i in 1 2 3 4 5 6 7 8; do echo line $i; sleep 0.2; done", Map.of(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);

        server.setUnavailable(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.rejected() >= 5); // logs, lease, heartbeat all bounce
        server.setUnavailable(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.completion(job) != null);
        assertThat(exited(job)).isZero();
        assertThat(server.output(job, "stdout"))
                .isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n");
        assertThat(server.chunks(job)).extracting(c -> c.getJsonNumber("seq").longValue())
                .isEqualTo(LongStream.range(0, server.chunks(job).size()).boxed().toList());
        String after = server.enqueue("echo again", Map.of(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(after) != null);
    }

    @Test
    void registersAgainWhenTheServerForgetsTheWorker() {
        startWorker(1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.registrations().size() == 1);

        server.forgetWorker();

        await().atMost(Duration.ofSeconds(5)).until(() -> server.registrations().size() == 2);
        String job = server.enqueue("exit 7", Map.of(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(job) != null);
        assertThat(exited(job)).isEqualTo(7);
    }

    @Test
    void failsOverToTheNextServer() throws IOException {
        URI dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        worker = new Worker(new WorkerSettings(List.of(dead, server.uri()), "test-worker", "default", List.of(), 1,
                workDir, Duration.ofSeconds(5)), FAST);
        worker.start();

        String job = server.enqueue("echo hi", Map.of(), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(job) != null);
        assertThat(server.log(job)).isEqualTo("out:hi\n");
    }

    @Test
    void stopLetsRunningJobsFinishThenDeregisters() {
        String job = server.enqueue("sleep 0.5; echo finished", Map.of(), null);
        startWorker(1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);

        worker.stop();

        assertThat(exited(job)).isZero();
        assertThat(server.output(job, "stdout")).isEqualTo("finished\n");
        assertThat(server.deregistered()).containsExactly("worker-1");
        assertThat(worker.termination().toCompletableFuture()).isCompleted();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("muster-lease")
                || t.getName().startsWith("muster-heartbeat"));
    }

    @Test
    void stopKillsWhatOutlivesTheDrainAndReportsItAbandoned() {
        String job = server.enqueue("echo started; sleep 30", Map.of(), null);
        startWorker(1, Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);
        long stopping = System.nanoTime();

        worker.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.completion(job).getString("outcome")).isEqualTo("abandoned");
        assertThat(server.completion(job).getString("detail")).isEqualTo("worker shut down");
        assertThat(server.log(job)).isEqualTo("out:started\nerr:\n[muster: killed: worker shut down]\n");
        assertThat(server.deregistered()).hasSize(1);
    }

    @Test
    void stopNowCutsAStopThatDrainsShort() {
        String job = server.enqueue("echo started; sleep 30", Map.of(), null);
        startWorker(1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log(job).startsWith("out:started"));
        CompletableFuture<Void> draining = CompletableFuture.runAsync(worker::stop);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !draining.isDone());
        long killing = System.nanoTime();

        worker.stopNow();

        assertThat(Duration.ofNanos(System.nanoTime() - killing)).isLessThan(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(1)).until(draining::isDone);
        assertThat(server.completion(job).getString("outcome")).isEqualTo("abandoned");
        assertThat(server.deregistered()).hasSize(1);
        assertThat(worker.termination().toCompletableFuture()).isCompleted();
    }

    @Test
    void stopNowWithoutAStopKillsAtOnce() {
        String job = server.enqueue("sleep 30", Map.of(), null);
        startWorker(1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(job) != null);
        long killing = System.nanoTime();

        worker.stopNow();

        assertThat(Duration.ofNanos(System.nanoTime() - killing)).isLessThan(Duration.ofSeconds(4));
        assertThat(server.completion(job).getString("outcome")).isEqualTo("abandoned");
        worker.stop(); // a later stop() returns at once
    }

    @Test
    void stopEndsInBoundedTimeWhenTheServerDoesNotAnswer() {
        // one job still runs at the end of the drain, one ended but cannot report: neither may hold the exit up
        String running = server.enqueue("sleep 30", Map.of(), null);
        String ended = server.enqueue("sleep 0.5; echo done", Map.of(), null);
        WorkerTuning tuning = new WorkerTuning(FAST.backoff(), FAST.cadence(), FAST.logCapacityBytes(),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(2), 1);
        startWorker(2, Duration.ofMillis(1500), tuning);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(running) != null
                && server.attemptOf(ended) != null);
        server.setHanging(true); // every call now waits for its timeout (30 s), deregistering too
        long stopping = System.nanoTime();

        worker.stop();

        // drain 1.5 s + kill grace 0.3 s + final report 2 s + 2 s to deregister, and some slack; unbounded, the
        // deregistration alone would wait for three request timeouts
        assertThat(Duration.ofNanos(System.nanoTime() - stopping))
                .isLessThan(Duration.ofMillis(1500 + 300 + 2000 + 2000 + 1500));
        assertThat(server.completion(running)).isNull();
        assertThat(server.completion(ended)).isNull();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("muster-lease")
                || t.getName().startsWith("muster-heartbeat") || t.getName().startsWith("muster-deregister"));
    }

    @Test
    void killsJobsThatIgnoreSigtermAndReportsWhyTheyEnded() throws IOException {
        String timedOut = server.enqueue(ignoringSigterm("timed-out"), Map.of(), 1);
        String cancelled = server.enqueue(ignoringSigterm("cancelled"), Map.of(), null);
        startWorker(2, Duration.ofSeconds(10), QUICK_KILLS);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log(cancelled).startsWith("out:started"));

        server.cancel(server.attemptOf(cancelled));

        await().atMost(Duration.ofSeconds(8)).until(() -> server.completion(timedOut) != null
                && server.completion(cancelled) != null);
        assertThat(server.completion(timedOut).getString("outcome")).isEqualTo("timed_out");
        assertThat(server.completion(cancelled).getString("outcome")).isEqualTo("cancelled");
        assertThat(server.log(timedOut)).startsWith("out:started\n").contains("[muster: killed: timed out after 1 s]");
        assertThat(server.log(cancelled)).startsWith("out:started\n").contains("[muster: killed: cancelled]");
        assertGone("timed-out", "cancelled");
    }

    @Test
    void abandonsJobsThatIgnoreSigtermAtShutdown() throws IOException {
        String job = server.enqueue(ignoringSigterm("abandoned"), Map.of(), null);
        startWorker(1, Duration.ofMillis(200), QUICK_KILLS);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log(job).startsWith("out:started"));

        worker.stop();

        assertThat(server.completion(job).getString("outcome")).isEqualTo("abandoned");
        assertGone("abandoned");
    }

    @Test
    void dropsStaleJobsThatIgnoreSigtermWithoutReportingThem() throws IOException {
        String job = server.enqueue(ignoringSigterm("stale"), Map.of(), null);
        String next = server.enqueue("echo next", Map.of(), null);
        startWorker(1, Duration.ofSeconds(10), QUICK_KILLS);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log(job).startsWith("out:started"));

        server.withdraw(server.attemptOf(job));

        await().atMost(Duration.ofSeconds(8)).until(() -> server.completion(next) != null);
        assertThat(server.completion(job)).isNull();
        assertGone("stale");
    }

    @Test
    void heartbeatsAfterAnOutageListTheJobsRunningThenNotThoseOfBefore() {
        String first = server.enqueue("sleep 30", Map.of(), null);
        startWorker(2, Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatListing(server.attemptOf(first)));
        server.setHeartbeatsUnavailable(true);
        int refused = server.rejected();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.rejected() > refused);

        String second = server.enqueue("sleep 30", Map.of(), null); // leased while heartbeats fail
        await().atMost(Duration.ofSeconds(5)).until(() -> server.attemptOf(second) != null);
        int refusedSinceSecond = server.rejected();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.rejected() > refusedSinceSecond);
        int delivered = server.heartbeats().size();
        server.setHeartbeatsUnavailable(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> server.heartbeats().size() > delivered);
        assertThat(server.heartbeats().get(delivered).getJsonArray("attempts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("attemptId"))
                .containsExactlyInAnyOrder(server.attemptOf(first), server.attemptOf(second));
    }

    @Test
    void keepsBufferingWhileTheServerIsAwayAndShipsEverythingWhenItIsBack() throws IOException {
        // a small buffer, so the outage overflows it: its middle is dropped and said so
        WorkerTuning smallBuffer = new WorkerTuning(FAST.backoff(), new LogShipper.Cadence(Duration.ofMillis(50), 400),
                600, FAST.killGrace(), FAST.outputGrace(), FAST.finalReportTimeout(), 1);
        String job = server.enqueue("for i in $(seq 1 400); do echo \"line $i ........................................\"; "
                + "sleep 0.005; done", Map.of(), null);
        startWorker(1, Duration.ofSeconds(10), smallBuffer);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.output(job, "stdout").contains("line 20 "));

        server.goAway();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        server.comeBack();

        await().atMost(Duration.ofSeconds(15)).until(() -> server.completion(job) != null);
        assertThat(exited(job)).isZero();
        String stdout = server.output(job, "stdout");
        assertThat(stdout).startsWith("line 1 ...").contains("line 20 ...").endsWith("line 400 " + ".".repeat(40) + "\n");
        assertThat(stdout.lines()).doesNotHaveDuplicates().hasSizeLessThan(400); // the middle is gone, nothing twice
        assertThat(server.output(job, "stderr")).matches("\n\\[muster: \\d+ bytes of log dropped]\n");
        assertThat(server.chunks(job)).extracting(c -> c.getJsonNumber("seq").longValue())
                .isEqualTo(LongStream.range(0, server.chunks(job).size()).boxed().toList());
        String after = server.enqueue("echo again", Map.of(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.completion(after) != null);
        assertThat(server.registrations()).hasSize(1);
    }

    @Test
    void aRefusedRegistrationEndsTheWorker() {
        server.setRefuseRegistration(true);

        startWorker(1, Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> worker.termination().toCompletableFuture().isDone());
        assertThat(worker.termination().toCompletableFuture()).isCompletedExceptionally();
        assertThat(worker.workerId()).isEmpty();
    }

    private void startWorker(int slots, Duration drain) {
        startWorker(slots, drain, FAST);
    }

    private void startWorker(int slots, Duration drain, WorkerTuning tuning) {
        worker = new Worker(new WorkerSettings(List.of(server.uri()), "test-worker", "default", List.of("linux"),
                slots, workDir, drain), tuning);
        worker.start();
    }

    /** A job whose shell and child ignore SIGTERM; their pids go to {@code <name>.pids} outside the workspace. */
    private String ignoringSigterm(String name) {
        Path pids = pidDir.resolve(name + ".pids");
        return "trap '' TERM; echo $$ >> " + pids + "; sh -c \"trap '' TERM; echo \\$\\$ >> " + pids
                + "; sleep 60\" & sleep 0.2; echo started; sleep 60";
    }

    private void assertGone(String... names) throws IOException {
        for (String name : names) {
            List<String> pids = Files.readAllLines(pidDir.resolve(name + ".pids"));
            assertThat(pids).as(name).hasSize(2);
            assertThat(pids).as(name).allSatisfy(pid -> assertThat(
                    ProcessHandle.of(Long.parseLong(pid.strip())).filter(ProcessTree::isRunning)).isEmpty());
        }
    }

    private int exited(String job) {
        JsonObject completion = server.completion(job);
        assertThat(completion.getString("outcome")).isEqualTo("exited");
        assertThat(completion.getString("leaseToken")).isEqualTo("token-" + server.attemptOf(job));
        return completion.getInt("exitCode");
    }

    private boolean heartbeatListing(String attemptId) {
        return attemptId != null && server.heartbeats().stream()
                .flatMap(h -> h.getJsonArray("attempts").getValuesAs(JsonObject.class).stream())
                .anyMatch(a -> a.getString("attemptId").equals(attemptId)
                        && a.getString("leaseToken").equals("token-" + attemptId));
    }
}
