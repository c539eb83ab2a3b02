package dev.muster.worker.demos;

import dev.muster.worker.protocol.Job;
import dev.muster.worker.protocol.JobState;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.ScriptSubmission;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fans one script out as many js jobs and collects their results in submission order. It waits for the jobs one
 * after another, so it asks the server about one job at a time however many there are.
 */
public final class JsBatch {

    private static final Duration POLL = Duration.ofMillis(100);

    private final MusterClient client;
    private final String pool;
    private final Integer timeoutSeconds;

    public JsBatch(MusterClient client, String pool, Integer timeoutSeconds) {
        this.client = client;
        this.pool = pool;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @throws IllegalStateException when a job does not succeed, with what it threw */
    public List<JsonValue> run(String script, List<? extends JsonValue> inputs) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonValue input : inputs) {
            ids.add(client.submit(new ScriptSubmission(script, input, pool, null, timeoutSeconds, null), null).id());
        }
        List<JsonValue> results = new ArrayList<>();
        for (String id : ids) {
            Job job = client.job(id);
            while (!job.state().isTerminal()) {
                Thread.sleep(POLL.toMillis());
                job = client.job(id);
            }
            if (job.state() != JobState.SUCCEEDED) {
                throw new IllegalStateException("job " + id + " ended " + job.state()
                        + (job.errorMessage() != null ? ": " + job.errorMessage() : ""));
            }
            results.add(job.result());
        }
        return results;
    }
}
