package dev.muster.worker.execution;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * What a worker is told by whoever starts it (the {@code muster worker} command or the server's launcher).
 *
 * @param servers base URLs of the Muster servers, in order of preference; a failing one is skipped
 * @param name how the worker shows up on the server, e.g. the host name
 * @param pool the pool whose jobs this worker runs
 * @param labels capabilities jobs can ask for
 * @param slots how many jobs run at once (at least 1)
 * @param workDir where each attempt's temporary workspace is made; null for the system temp directory
 * @param drain how long running jobs may go on after {@link Worker#stop()} before they are killed
 * @param enrolmentToken the bearer token of registrations; null for a server that needs none
 * @param tls trust for {@code https} servers; null for the JDK's defaults
 * @param isolation environment allow-list, user and workspace limits for jobs
 */
public record WorkerSettings(List<URI> servers, String name, String pool, List<String> labels, int slots,
        Path workDir, Duration drain, String enrolmentToken, SSLContext tls, JobIsolation isolation) {

    /** Settings without enrolment token, custom TLS trust or non-default isolation. */
    public WorkerSettings(List<URI> servers, String name, String pool, List<String> labels, int slots, Path workDir,
            Duration drain) {
        this(servers, name, pool, labels, slots, workDir, drain, null, null, JobIsolation.DEFAULT);
    }

    public WorkerSettings {
        servers = List.copyOf(servers);
        labels = labels == null ? List.of() : List.copyOf(labels);
        workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        drain = drain != null ? drain : Duration.ofSeconds(60);
        isolation = isolation != null ? isolation : JobIsolation.DEFAULT;
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server URL is needed");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + slots);
        }
        if (name == null || name.isBlank() || pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("name and pool must not be blank");
        }
        if (drain.isNegative()) {
            throw new IllegalArgumentException("drain must not be negative");
        }
    }

    /** Keeps the enrolment token out of logs. */
    @Override
    public String toString() {
        return "WorkerSettings[" + name + ", pool " + pool + ", " + slots + " slots, " + servers + "]";
    }
}
