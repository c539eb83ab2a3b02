package dev.muster.worker.execution;

import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.WorkerSession;
import dev.muster.worker.protocol.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Brings a leased job's workspace archive into its workspace: downloads it next to the workspaces (never into
 * one, where the job would see it), checks it is the archive the lease named — size and SHA-256 — and unpacks it
 * with {@link WorkspaceArchive}.
 */
final class WorkspaceFetcher {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);

    private final WorkerSession session;
    private final ArchiveLimits limits;

    WorkspaceFetcher(WorkerSession session, ArchiveLimits limits) {
        this.session = session;
        this.limits = limits;
    }

    /**
     * @throws WorkspaceRefusedException when the archive is not the one announced, or unsafe
     * @throws dev.muster.worker.protocol.LeaseLostException when the lease ended meanwhile (409)
     */
    void fetchInto(LeasedJob job, Path workspace, Path scratch) throws IOException {
        WorkspaceRef ref = job.workspace();
        if (ref == null) {
            return;
        }
        if (!ref.verifiable()) {
            throw new WorkspaceRefusedException("the lease names workspace " + ref.id()
                    + " without its size and SHA-256, so the download could not be checked");
        }
        Path zip = Files.createTempFile(scratch, "muster-workspace-", ".zip");
        try {
            download(job, ref, zip);
            new WorkspaceArchive(limits).unpack(zip, workspace);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private void download(LeasedJob job, WorkspaceRef ref, Path zip) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = session.workspace(job.lease(), DOWNLOAD_TIMEOUT);
                OutputStream out = Files.newOutputStream(zip)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > ref.sizeBytes()) {
                    throw new WorkspaceRefusedException("workspace " + ref.id() + " is larger than the "
                            + ref.sizeBytes() + " bytes announced");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size != ref.sizeBytes()) {
            throw new WorkspaceRefusedException("workspace " + ref.id() + " arrived with " + size + " of "
                    + ref.sizeBytes() + " bytes");
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equalsIgnoreCase(ref.sha256())) {
            throw new WorkspaceRefusedException("workspace " + ref.id() + " does not match its SHA-256");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
