package dev.muster.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The job mix. Every command first exports the run id and its token (so its processes can be found in /proc) and
 * appends the token to the shared executions file (so real executions can be counted), then does its kind's work.
 */
final class Workload {

    static final String POOL = "chaos";
    /** No worker serves this pool: a job there stays queued until it is cancelled. */
    static final String IDLE_POOL = "chaos-idle";
    static final String SEQ_LOG = IntStream.rangeClosed(1, 500).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));

    private final String runId;
    private final Path executions;
    private final Path markers;
    private final Random random;
    private final AtomicInteger tokens = new AtomicInteger();

    Workload(String runId, Path sharedDir, Random random) throws IOException {
        this.runId = runId;
        this.markers = Files.createDirectories(sharedDir.resolve("markers"));
        this.executions = sharedDir.resolve("executions");
        if (!Files.exists(executions)) {
            Files.createFile(executions);
        }
        this.random = random;
    }

    Path executions() {
        return executions;
    }

    String runId() {
        return runId;
    }

    /** {@code count} jobs of the regular mix, drawn by weight. */
    synchronized List<PlannedJob> mix(Scenario scenario, int count) {
        List<PlannedJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(plan(scenario, JobKind.draw(random)));
        }
        return jobs;
    }

    synchronized PlannedJob plan(Scenario scenario, JobKind kind) {
        String token = "t" + tokens.incrementAndGet();
        String prologue = "export CHAOS_RUN=" + runId + " CHAOS_TOKEN=" + token + "; echo " + token + " >> '" + executions + "'; ";
        String pool = POOL;
        Integer timeout = null;
        List<Integer> retryOn = List.of();
        String expected = null;
        String work;
        switch (kind) {
            case NOOP -> {
                work = "true";
                expected = "";
            }
            case ECHO -> {
                work = "echo hello " + token;
                expected = "hello " + token + "\n";
            }
            case SEQ_LOG -> {
                work = "seq 1 500";
                expected = SEQ_LOG;
            }
            case EXIT_3 -> {
                work = "echo failing " + token + " >&2; exit 3";
                expected = "failing " + token + "\n";
            }
            case RETRY_ONCE -> {
                Path marker = markers.resolve(token);
                work = "if [ -e '" + marker + "' ]; then echo second; else touch '" + marker + "'; echo first; exit 75; fi";
                retryOn = List.of(75);
                expected = "second\n";
            }
            case LONG -> {
                int seconds = 2 + random.nextInt(7);
                work = "sleep " + seconds + "; echo slept " + seconds;
                expected = "slept " + seconds + "\n";
            }
            case TIMEOUT -> {
                work = "echo started; sleep 30";
                timeout = 2;
            }
            case TERM_IGNORING -> {
                // The job's shell and a child shell both ignore SIGTERM; only a kill of the whole tree with SIGKILL ends them.
                work = "trap '' TERM; sh -c \"trap '' TERM; sleep 60; :\" & sleep 60";
                timeout = 3;
            }
            case CANCEL_RUNNING -> {
                work = "sh -c 'sleep 60; :' & sleep 60";
                timeout = 300;
            }
            case CANCEL_QUEUED -> {
                work = "true";
                pool = IDLE_POOL;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return new PlannedJob(token, kind, scenario, runId + "-" + token, pool, prologue + work, timeout, retryOn, expected);
    }
}
