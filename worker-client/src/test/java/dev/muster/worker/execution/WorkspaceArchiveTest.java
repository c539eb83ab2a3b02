package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unpacking workspace archives: a good one as it was packed, hostile ones refused before they do harm. */
class WorkspaceArchiveTest {

    @TempDir
    Path temp;

    private Path workspace;
    private final WorkspaceArchive archive = new WorkspaceArchive(ArchiveLimits.DEFAULT);

    @BeforeEach
    void createWorkspace() throws IOException {
        workspace = Files.createDirectory(temp.resolve("workspace"));
    }

    @Test
    void unpacksNestedDirectoriesAndKeepsTheExecutableBit() throws IOException {
        Path zip = Zips.write(temp.resolve("good.zip"), z -> {
            Zips.file(z, "src/", "");
            Zips.file(z, "src/main/App.java", "class App {}");
            Zips.file(z, "build.sh", "#!/bin/sh\necho built\n");
            Zips.file(z, "README", "hello");
        });
        Zips.setUnixMode(zip, "build.sh", 0100755);
        Zips.setUnixMode(zip, "README", 0100644);

        archive.unpack(zip, workspace);

        assertThat(workspace.resolve("src/main/App.java")).hasContent("class App {}");
        assertThat(workspace.resolve("README")).hasContent("hello");
        assertThat(Files.getPosixFilePermissions(workspace.resolve("build.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(workspace.resolve("README")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/x", "C:\\x", "C:x", "a\\..\\x", "a/../b"})
    void refusesNamesThatCouldLeaveTheWorkspace(String name) throws IOException {
        Path zip = Zips.write(temp.resolve("slip.zip"), z -> Zips.file(z, name, "pwned"));

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class)
                .hasMessageContaining("outside the workspace");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void refusesSymbolicLinkEntries() throws IOException {
        Path zip = Zips.write(temp.resolve("link.zip"), z -> Zips.file(z, "passwd", "/etc/passwd"));
        Zips.setUnixMode(zip, "passwd", 0120777);

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("symbolic link");
        assertThat(workspace.resolve("passwd")).doesNotExist();
    }

    @Test
    void neverWritesThroughALinkAlreadyThere() throws IOException {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.createSymbolicLink(workspace.resolve("dir"), outside);
        Path zip = Zips.write(temp.resolve("through.zip"), z -> Zips.file(z, "dir/x", "pwned"));

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("is a link");
        assertThat(outside.resolve("x")).doesNotExist();
    }

    @Test
    void refusesAGibibyteOfZerosBeforeInflatingIt() throws IOException {
        Path zip = Zips.write(temp.resolve("bomb.zip"), z -> Zips.zeros(z, "zeros", 1L << 30));
        assertThat(Files.size(zip)).isLessThan(8L << 20);

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("zip bomb");
        assertThat(workspace.resolve("zeros")).doesNotExist();
    }

    @Test
    void countsTheBytesActuallyInflatedNotTheHeaderClaim() throws IOException {
        Path zip = Zips.write(temp.resolve("liar.zip"), z -> Zips.zeros(z, "small.txt", 64L << 20));
        Zips.setClaimedSize(zip, "small.txt", 1000);

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("larger than its header says");
        assertThat(Files.size(workspace.resolve("small.txt"))).isLessThan(1L << 20); // stopped at once
    }

    @Test
    void limitsTheTotalOfAllEntries() throws IOException {
        Path zip = Zips.write(temp.resolve("many-mb.zip"), z -> {
            for (int i = 0; i < 5; i++) {
                Zips.file(z, "part-" + i, "x".repeat(1000));
            }
        });

        assertThatThrownBy(() -> new WorkspaceArchive(new ArchiveLimits(4000, 100, 100)).unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("more than 4000 bytes");
    }

    @Test
    void refusesTooManyEntriesBeforeUnpackingAny() throws IOException {
        Path zip = Zips.write(temp.resolve("many.zip"), z -> {
            for (int i = 0; i <= 10_000; i++) {
                Zips.file(z, "f" + i, "");
            }
        });

        assertThatThrownBy(() -> archive.unpack(zip, workspace))
                .isInstanceOf(WorkspaceRefusedException.class).hasMessageContaining("10001 entries");
        try (Stream<Path> files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesSomethingThatIsNotAZip() throws IOException {
        Path notZip = Files.writeString(temp.resolve("not.zip"), "hello, I am text");

        assertThatThrownBy(() -> archive.unpack(notZip, workspace)).isInstanceOf(WorkspaceRefusedException.class);
    }
}
