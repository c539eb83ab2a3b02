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

        assertThat(tree).hasSizeGreaterThanOrEqualTo(2).noneMatch(ProcessTree::isRunning);
        assertThat(ProcessTree.isRunning(shell.toHandle())).isFalse();
        await().atMost(Duration.ofSeconds(2)).until(() -> !shell.isAlive());
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

        assertThat(tree).noneMatch(ProcessTree::isRunning);
        assertThat(ProcessTree.isRunning(shell.toHandle())).isFalse();
        // kill() returns once the shell is a zombie; the JVM notices its own child's exit a moment later
        await().atMost(Duration.ofSeconds(2)).until(() -> !shell.isAlive());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
