package dev.muster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a starting bundle's output until it says it is ready; the benchmarks start the bundle as a user does. */
final class BundleReadiness {

    private BundleReadiness() {
    }

    /** Waits for the launcher's "ready" line (at most 5 minutes) and returns the Payara Micro process's pid. */
    static long awaitReady(Process server) throws Exception {
        Pattern ready = Pattern.compile("Muster is ready .* server pid (\\d+)");
        CompletableFuture<Long> pid = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = ready.matcher(line);
                    if (matcher.find()) {
                        pid.complete(Long.parseLong(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the server is gone; the future below times out or has completed
            }
            pid.completeExceptionally(new IllegalStateException("the server exited before it was ready"));
        });
        reader.setDaemon(true);
        reader.start();
        return pid.get(5, TimeUnit.MINUTES);
    }
}
