package dev.muster.worker.execution;

import dev.muster.worker.protocol.WorkerSession;
import dev.muster.worker.protocol.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;

/**
 * Brings a leased job's workspace archive into its workspace: downloads it next to the workspaces (never into
 * one, where the job would see it) — no more than the size the lease announced, and given up when it stalls or
 * the attempt is stopped — checks it is the archive the lease named (size and SHA-256), and unpacks it with
 * {@link WorkspaceArchive}.
 */
final class WorkspaceFetcher {

    private final WorkerSession session;
    private final ArchiveLimits limits;
    private final Duration stall;

    /** @param stall how long a download may go without a byte before it is given up */
    WorkspaceFetcher(WorkerSession session, ArchiveLimits limits, Duration stall) {
        this.session = session;
        this.limits = limits;
        this.stall = stall;
    }

    /**
     * @throws WorkspaceRefusedException when the archive is not the one announced, or unsafe
     * @throws dev.muster.worker.protocol.LeaseLostException when the lease ended meanwhile (409)
     * @throws IOException also when the attempt was asked to stop during the download
     */
    void fetchInto(Attempt attempt, Path workspace, Path scratch) throws IOException {
        WorkspaceRef ref = attempt.job().workspace();
        if (ref == null) {
            return;
        }
        if (!ref.verifiable()) {
            throw new WorkspaceRefusedException("the lease names workspace " + ref.id()
                    + " without its size and SHA-256, so the download could not be checked");
        }
        Path zip = Files.createTempFile(scratch, "muster-workspace-", ".zip");
        try {
            download(attempt, ref, zip);
            new WorkspaceArchive(limits).unpack(zip, workspace);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private void download(Attempt attempt, WorkspaceRef ref, Path zip) throws IOException {
        long size;
        try (DownloadWatch watch = new DownloadWatch(attempt, stall)) {
            try {
                size = session.workspace(attempt.lease(), zip, ref.sizeBytes(), bytes -> watch.progressed());
            } catch (CancellationException e) {
                if (!watch.fired()) {
                    throw e; // the worker abandons its attempts
                }
                throw new IOException(watch.stalled() ? "downloading workspace " + ref.id() + " failed: no data for "
                        + stall.toSeconds() + " s" : "stopped while downloading workspace " + ref.id(), e);
            }
        }
        if (size != ref.sizeBytes()) {
            throw new WorkspaceRefusedException("workspace " + ref.id() + " arrived with " + size + " of "
                    + ref.sizeBytes() + " bytes");
        }
        if (!sha256(zip).equalsIgnoreCase(ref.sha256())) {
            throw new WorkspaceRefusedException("workspace " + ref.id() + " does not match its SHA-256");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
