package dev.muster.worker.execution;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A fresh, empty directory for one attempt, deleted with everything in it afterwards, so no job sees the
 * leftovers of another. Symbolic links are deleted, never followed.
 */
final class Workspace implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Workspace.class.getName());

    private final Path directory;

    private Workspace(Path directory) {
        this.directory = directory;
    }

    static Workspace create(Path parent, String attemptId) throws IOException {
        Files.createDirectories(parent);
        String safeName = attemptId.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new Workspace(Files.createTempDirectory(parent, "muster-" + safeName + "-"));
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A job may leave files it made read-only or that a leftover process still writes; the temp dir
            // is then left for the OS to clean rather than failing the attempt's report.
            LOG.log(Level.WARNING, "could not delete workspace {0}: {1}", directory, e.toString());
        }
    }
}
