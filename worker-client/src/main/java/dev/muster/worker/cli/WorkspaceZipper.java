package dev.muster.worker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Zips a directory for {@code muster submit --workspace}: regular files and directories only, with their unix
 * permissions (so a script stays executable). Links are skipped with a warning rather than followed — a link
 * out of the directory would otherwise upload a file the user never meant to share — and workers refuse link
 * entries anyway. Uses the JDK's zip file system, which records unix permissions where ZipOutputStream cannot.
 */
final class WorkspaceZipper {

    private final PrintWriter warnings;

    WorkspaceZipper(PrintWriter warnings) {
        this.warnings = warnings;
    }

    /** Writes the zip to {@code zip}, which must not exist yet. */
    void zip(Path given, Path zip) throws IOException {
        Path directory = given.toRealPath(); // a link to a directory given by the user is followed, once
        Map<String, String> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), env);
                Stream<Path> walk = Files.walk(directory)) {
            for (Path source : (Iterable<Path>) walk.sorted()::iterator) {
                if (source.equals(directory)) {
                    continue;
                }
                String name = directory.relativize(source).toString().replace(source.getFileSystem().getSeparator(),
                        "/");
                Path target = archive.getPath(name);
                if (Files.isSymbolicLink(source)) { // Files.walk does not follow links: a linked directory is one
                    // skipped entry, not a tree
                    warn("skipping link " + name);
                } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(source, target);
                    if (posix) {
                        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                    }
                } else {
                    warn("skipping " + name + ": not a regular file or directory");
                }
            }
        }
    }

    private void warn(String message) {
        warnings.println("muster: workspace: " + message);
        warnings.flush();
    }
}
