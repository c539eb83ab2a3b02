package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void killsTheShellAndEverythingItStarted() throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60").start();
        await().atMost(Duration.ofSeconds(5)).until(() -> shell.descendants().count() >= 2);
        List<ProcessHandle> tree = shell.descendants().toList();

        new ProcessTree(Duration.ofSeconds(2)).kill(shell.toHandle());

        assertThat(shell.isAlive()).isFalse();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2).noneMatch(ProcessTree::isRunning);
    }

    @Test
    void aProcessThatExitedIsNotRunning() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Process sleeping = new ProcessBuilder("sleep", "60").start();

        assertThat(ProcessTree.isRunning(done.toHandle())).isFalse();
        assertThat(ProcessTree.isRunning(sleeping.toHandle())).isTrue();
        sleeping.destroyForcibly();
    }

    @Test
    void fallsBackToSigkillForProcessesThatIgnoreSigterm() throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "trap '' TERM; sh -c \"trap '' TERM; sleep 60\" & wait").start();
        await().atMost(Duration.ofSeconds(5)).until(() -> shell.descendants().count() >= 2);
        List<ProcessHandle> tree = shell.descendants().toList();
        long started = System.nanoTime();

        new ProcessTree(Duration.ofMillis(300)).kill(shell.toHandle());

        assertThat(shell.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessTree::isRunning);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
