package dev.muster.worker.execution;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 */
public record WorkerSettings(List<URI> servers, String name, String pool, List<String> labels, int slots,
        Path workDir, Duration drain) {

    public WorkerSettings {
        servers = List.copyOf(servers);
        labels = labels == null ? List.of() : List.copyOf(labels);
        workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        drain = drain != null ? drain : Duration.ofSeconds(60);
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
}
