package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.fake.StubApi;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster submit --workspace}: zip or send as is, upload, then submit naming the upload. */
class SubmitWorkspaceTest {

    @TempDir
    Path temp;

    private final StubApi api = StubApi.http()
            .answer("POST", "/api/v1/workspaces", 201, "{\"id\":\"ws-1\",\"sizeBytes\":10,\"sha256\":\"ab\"}")
            .answer("POST", "/api/v1/jobs", 201, "{\"id\":\"job-1\",\"state\":\"QUEUED\",\"pool\":\"default\"}");
    private final Cli cli = new Cli();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void zipsADirectoryWithoutItsLinksAndSubmitsTheJobNamingTheUpload() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project/src"));
        Files.writeString(project.resolve("Main.java"), "class Main {}");
        Path script = Files.writeString(project.getParent().resolve("build.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(project.getParent().resolve("secrets"), Path.of("/etc"));

        int exit = cli.run("submit", "--server", api.uri().toString(), "--token", "mst_api_x", "--workspace",
                project.getParent().toString(), "--", "./build.sh");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("job-1" + System.lineSeparator());
        assertThat(cli.err()).contains("skipping link secrets");
        StubApi.Request upload = api.requests().get(0);
        assertThat(upload.path()).isEqualTo("/api/v1/workspaces");
        assertThat(upload.header("Content-Type")).isEqualTo("application/zip");
        assertThat(upload.header("Authorization")).isEqualTo("Bearer mst_api_x");
        Path received = Files.write(temp.resolve("received.zip"), upload.body());
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + received.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            assertThat(zip.getPath("src/Main.java")).hasContent("class Main {}");
            assertThat(zip.getPath("secrets")).doesNotExist();
            assertThat(Files.getPosixFilePermissions(zip.getPath("build.sh")))
                    .contains(PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(api.last().json().getString("workspace")).isEqualTo("ws-1");
        assertThat(api.last().json().getString("command")).isEqualTo("./build.sh");
    }

    @Test
    void sendsAZipFileAsItIs() throws Exception {
        byte[] bytes = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Path zip = Files.write(temp.resolve("ws.zip"), bytes);

        assertThat(cli.run("submit", "--server", api.uri().toString(), "--workspace", zip.toString(), "--", "true"))
                .isZero();

        assertThat(api.requests().get(0).body()).isEqualTo(bytes);
    }

    @Test
    void refusesAFileThatIsNotAZip() throws Exception {
        Path text = Files.writeString(temp.resolve("notes.txt"), "hello");

        assertThat(cli.run("submit", "--server", api.uri().toString(), "--workspace", text.toString(), "--", "true"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }
}
