package dev.muster.worker.cli;

import dev.muster.worker.demos.JsBatch;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every demo takes: the server, the pool of browser workers, and how long one of its jobs may run. */
final class DemoOptions {

    @Mixin
    ServerOptions server;

    @Option(names = "--pool", paramLabel = "NAME", defaultValue = "browser", description = "Pool of the browser workers (default: ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Longest run of one job (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    JsBatch batch() {
        return new JsBatch(server.client(), pool, timeoutSeconds);
    }
}
