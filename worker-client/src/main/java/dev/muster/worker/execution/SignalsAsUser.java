package dev.muster.worker.execution;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals a job's processes for a worker that is not root and runs jobs through {@code sudo}: it may not signal
 * another user's processes itself, so when that fails it asks {@code sudo -u USER kill}, which may.
 */
final class SignalsAsUser implements ProcessTree.Signals {

    private final RunAs runAs;

    SignalsAsUser(RunAs runAs) {
        this.runAs = runAs;
    }

    @Override
    public void send(ProcessHandle process, boolean force) {
        boolean sent = force ? process.destroyForcibly() : process.destroy();
        if (sent || !process.isAlive()) {
            return;
        }
        List<String> kill = runAs.wrap(List.of("kill", force ? "-KILL" : "-TERM", Long.toString(process.pid())));
        try {
            new ProcessBuilder(kill).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // ProcessTree sees the process still running and tries SIGKILL; nothing better to do here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
