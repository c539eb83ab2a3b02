package dev.muster.worker.cli;

import dev.muster.worker.protocol.MusterClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code submit --workspace}: a directory is zipped into a temporary file first, a .zip goes as it is. */
final class WorkspaceUploader {

    private final MusterClient client;
    private final PrintWriter err;

    WorkspaceUploader(MusterClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
    }

    /**
     * @return the id the server gave the upload
     * @throws IllegalArgumentException for a path that is neither a directory nor a .zip file
     */
    String upload(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            if (!Files.isRegularFile(workspace) || !workspace.toString().endsWith(".zip")) {
                throw new IllegalArgumentException("must be a directory or a .zip file: " + workspace);
            }
            return send(workspace);
        }
        Path temporary = Files.createTempDirectory("muster-workspace-");
        Path zip = temporary.resolve("workspace.zip");
        try {
            new WorkspaceZipper(err).zip(workspace, zip);
            return send(zip);
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(temporary);
        }
    }

    private String send(Path zip) throws IOException {
        return client.uploadWorkspace(zip, new UploadProgress(err, Files.size(zip))).id();
    }
}
