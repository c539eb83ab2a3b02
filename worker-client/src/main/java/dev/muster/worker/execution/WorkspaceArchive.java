package dev.muster.worker.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a workspace zip into an attempt's (empty) workspace, refusing anything that could write outside it or
 * exhaust the disk. The archive comes from whoever submitted the job, so it is treated as hostile:
 * <ul>
 * <li><b>zip-slip</b>: names with {@code ..} segments, absolute paths, drive letters or backslashes are refused,
 * and every target is checked to resolve inside the workspace;
 * <li><b>links</b>: entries whose unix mode marks a symbolic link (or a device, fifo, socket) are refused; no link
 * is ever created, and nothing is written through an existing one (files are created new, without following
 * links, and every parent directory is checked);
 * <li><b>zip bombs</b>: the entry count is checked before anything is unpacked, and the total bytes, each entry's
 * declared size and its inflation ratio are counted on the bytes actually inflated, so a header that lies does
 * not help.
 * </ul>
 * A unix executable bit in the archive is kept. Whatever was unpacked before a refusal stays for the workspace
 * to delete with the rest.
 */
final class WorkspaceArchive {

    private static final int BUFFER = 64 * 1024;

    private final ArchiveLimits limits;

    WorkspaceArchive(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** @throws WorkspaceRefusedException for an unsafe, damaged or oversized archive */
    void unpack(Path zip, Path workspace) throws IOException {
        Path root = workspace.toRealPath();
        List<ZipCentralDirectory.Entry> directory = ZipCentralDirectory.read(zip, limits.maxEntries());
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            long total = 0;
            for (ZipCentralDirectory.Entry described : directory) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().equals(described.name())) {
                    throw new WorkspaceRefusedException("not a valid zip archive (its entries do not match)");
                }
                total += unpack(archive, entry, described, root, total);
            }
        } catch (ZipException e) {
            throw new WorkspaceRefusedException("not a valid zip archive: " + e.getMessage(), e);
        }
    }

    /** @return the bytes the entry inflated to */
    private long unpack(ZipFile archive, ZipEntry entry, ZipCentralDirectory.Entry described, Path root,
            long unpackedSoFar) throws IOException {
        String name = entry.getName();
        if (described.isSpecial()) {
            throw new WorkspaceRefusedException("entry '" + name + "' is a symbolic link or special file");
        }
        Path target = target(root, name);
        if (entry.isDirectory()) {
            createDirectories(root, target);
            return 0;
        }
        if (entry.getSize() > limits.maxBytes() - unpackedSoFar) {
            throw tooBig(); // an honest bomb is refused before a byte is inflated
        }
        if (entry.getSize() > ArchiveLimits.RATIO_GRACE
                && entry.getSize() / Math.max(1, entry.getCompressedSize()) > limits.maxRatio()) {
            throw inflatesTooMuch(name);
        }
        createDirectories(root, target.getParent());
        long written;
        try (InputStream in = archive.getInputStream(entry);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            written = copy(in, out, entry, unpackedSoFar);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new WorkspaceRefusedException("entry '" + name + "' appears twice", e);
        }
        if (entry.getSize() >= 0 && written != entry.getSize()) {
            throw new WorkspaceRefusedException("entry '" + name + "' is shorter than its header says");
        }
        if ((described.unixMode() & 0100) != 0) {
            makeExecutable(target);
        }
        return written;
    }

    private long copy(InputStream in, OutputStream out, ZipEntry entry, long unpackedSoFar) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        long compressed = Math.max(1, entry.getCompressedSize());
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (unpackedSoFar + written > limits.maxBytes()) {
                throw tooBig();
            }
            if (entry.getSize() >= 0 && written > entry.getSize()) {
                throw new WorkspaceRefusedException("entry '" + entry.getName() + "' is larger than its header says");
            }
            if (written > ArchiveLimits.RATIO_GRACE && written / compressed > limits.maxRatio()) {
                throw inflatesTooMuch(entry.getName());
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    private WorkspaceRefusedException inflatesTooMuch(String name) {
        return new WorkspaceRefusedException("entry '" + name + "' inflates to more than " + limits.maxRatio()
                + " times its compressed size (a zip bomb?)");
    }

    private WorkspaceRefusedException tooBig() {
        return new WorkspaceRefusedException("the archive unpacks to more than " + limits.maxBytes() + " bytes");
    }

    /** The entry's place in the workspace; refuses every name that could point elsewhere. */
    static Path target(Path root, String name) {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() >= 2 && name.charAt(1) == ':')
                || List.of(name.split("/")).contains("..");
        Path target = unsafe ? null : root.resolve(name).normalize();
        if (target == null || !target.startsWith(root) || target.equals(root) && !name.equals("./")) {
            throw new WorkspaceRefusedException("entry '" + name + "' would be written outside the workspace");
        }
        return target;
    }

    /** Creates each missing directory below the root, refusing to pass through a link or a file. */
    private static void createDirectories(Path root, Path directory) throws IOException {
        Path current = root;
        for (Path part : root.relativize(directory)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new WorkspaceRefusedException("'" + root.relativize(current) + "' is a link");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new WorkspaceRefusedException("'" + root.relativize(current) + "' is a file and a directory");
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        permissions.add(PosixFilePermission.OWNER_EXECUTE);
        Files.setPosixFilePermissions(file, permissions);
    }
}
