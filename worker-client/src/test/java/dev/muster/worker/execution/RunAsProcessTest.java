package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.worker.logshipping.LogBuffer;
import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.LogChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --run-as} for real: only where the tests run as root on Linux with {@code runuser} and a {@code nobody}
 * user (as in the project's containers); skipped elsewhere.
 */
class RunAsProcessTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LogBuffer buffer = new LogBuffer(1 << 20, 1 << 16);
    private RunAs nobody;
    private Path workDir;
    private Workspace workspace;

    @BeforeEach
    void requireRootAndNobody() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && Files.readString(Path.of("/etc/passwd")).contains("\nnobody:"), "needs root, runuser and nobody");
        nobody = RunAs.user("nobody");
        nobody.verify();
        // The job user must be able to pass through the work dir to its workspace, as in the default /tmp.
        workDir = Files.createTempDirectory("muster-runas-test", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx--x--x")));
        workspace = Workspace.create(workDir, "attempt-1");
    }

    @AfterEach
    void cleanUp() throws IOException {
        executor.shutdownNow();
        if (workspace != null) {
            workspace.close();
            Files.deleteIfExists(workDir);
        }
    }

    @Test
    void runsTheJobAsTheUserInAWorkspaceHandedOverToIt() throws IOException {
        Files.writeString(workspace.directory().resolve("from-archive.txt"), "data");
        nobody.handOver(workspace.directory());

        JobProcess.Ending ending = process(Duration.ofSeconds(1)).run(attempt("id -un; cat from-archive.txt; "
                + "touch made", null), workspace.directory(), buffer);

        assertThat(ending.exitCode()).isZero();
        assertThat(log()).isEqualTo("nobody\ndata");
        assertThat(Files.getOwner(workspace.directory().resolve("made"), LinkOption.NOFOLLOW_LINKS).getName())
                .isEqualTo("nobody");
    }

    @Test
    void killsTheUsersProcessTreeOnTimeout() throws IOException {
        nobody.handOver(workspace.directory());
        long started = System.nanoTime();

        JobProcess.Ending ending = process(Duration.ofMillis(300)).run(attempt(
                "trap '' TERM; echo $$ > shell.pid; sh -c \"trap '' TERM; sleep 60\" & sleep 60", 1),
                workspace.directory(), buffer);

        assertThat(ending.stopReason()).isEqualTo(StopReason.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        long shell = Long.parseLong(Files.readString(workspace.directory().resolve("shell.pid")).strip());
        assertThat(ProcessHandle.of(shell).filter(ProcessTree::isRunning)).isEmpty();
    }

    private String log() {
        buffer.close();
        return buffer.takeBatch(1 << 20).stream().map(LogChunk::data).collect(Collectors.joining());
    }

    private JobProcess process(Duration killGrace) {
        return new JobProcess(new ProcessTree(killGrace, nobody.signals()), Duration.ofSeconds(1), executor,
                JobEnvironment.DEFAULT, nobody);
    }

    private static Attempt attempt(String command, Integer timeoutSeconds) {
        return new Attempt(new LeasedJob("job-1", "attempt-1", "token", null, command, Map.of(), timeoutSeconds));
    }
}
