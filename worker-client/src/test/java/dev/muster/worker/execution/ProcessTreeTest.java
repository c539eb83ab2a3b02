package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void killsWhatASurvivorOfSigtermStartsDuringTheGrace(@TempDir Path dir) throws IOException {
        // The survivor ignores SIGTERM by starting a new child, after its parent (the root) is gone: the new child
        // is nobody's descendant from the root's point of view, but it must get SIGKILL with the survivor.
        // Builtins only: dash may exit on a SIGTERM that reaches it together with its foreground child's.
        Files.writeString(dir.resolve("survivor.sh"), """
                trap 'sleep 60 & echo $! > late.pid' TERM
                echo $$ > survivor.pid
                while :; do :; done
                """);
        Process shell = new ProcessBuilder("sh", "-c", "sh survivor.sh & wait").directory(dir.toFile()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dir.resolve("survivor.pid")));

        new ProcessTree(Duration.ofMillis(500)).kill(shell.toHandle());

        assertThat(dir.resolve("late.pid")).exists();
        assertThat(running(dir.resolve("late.pid"))).as("started during the grace").isFalse();
        assertThat(running(dir.resolve("survivor.pid"))).isFalse();
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

    private static boolean running(Path pidFile) throws IOException {
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessTree::isRunning)
                .isPresent();
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
