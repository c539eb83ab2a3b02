package dev.muster.worker.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs jobs as another OS user ({@code --run-as}), so a job cannot read the worker's files or signal the worker.
 * A worker running as root switches with {@code runuser -u USER --} (Linux) or {@code sudo -n -E -u USER --}
 * (elsewhere); any other worker needs a sudoers rule that lets it run commands as that user without a password
 * and keep the environment ({@code NOPASSWD:SETENV:}), since the job's own {@code env} must reach it: {@code -E}
 * keeps it out of the command line, which every local user can read. Not supported on Windows.
 *
 * <p>{@link #verify()} runs {@code true} that way once at start, so a worker that cannot switch users refuses to
 * start instead of failing every job.
 */
public final class RunAs {

    /** Jobs run as the worker's own user. */
    public static final RunAs NONE = new RunAs(null, List.of(), false);

    private final String user;
    private final List<String> prefix;
    private final boolean workerIsRoot;

    RunAs(String user, List<String> prefix, boolean workerIsRoot) {
        this.user = user;
        this.prefix = List.copyOf(prefix);
        this.workerIsRoot = workerIsRoot;
    }

    /** @throws IllegalArgumentException on Windows, or for a name that is not a plain user name */
    public static RunAs user(String user) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            throw new IllegalArgumentException("--run-as is not supported on Windows; run the worker itself as "
                    + "the user jobs should run as");
        }
        if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("not a user name: '" + user + "'");
        }
        boolean root = isRoot();
        return new RunAs(user, commandPrefix(user, root, os.startsWith("linux")), root);
    }

    static List<String> commandPrefix(String user, boolean workerIsRoot, boolean linux) {
        return workerIsRoot && linux ? List.of("runuser", "-u", user, "--")
                : List.of("sudo", "-n", "-E", "-u", user, "--");
    }

    boolean switchesUser() {
        return user != null;
    }

    String user() {
        return user;
    }

    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** @throws IllegalStateException with what the switch said when running {@code true} as the user fails */
    public void verify() {
        if (!switchesUser()) {
            return;
        }
        List<String> probe = wrap(List.of("true"));
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] said = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", probe) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", probe) + " failed (exit " + process.exitValue()
                        + "): " + new String(said, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + prefix.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking --run-as " + user, e);
        }
    }

    /**
     * Makes a freshly unpacked workspace the job user's. As root it is chowned to them, which keeps it private.
     * Without root a chown is impossible; the tree is opened to everyone instead (inside the worker's work
     * directory — point {@code --work-dir} at a directory other users cannot enter to keep it private).
     */
    void handOver(Path workspace) throws IOException {
        if (!switchesUser()) {
            return;
        }
        if (workerIsRoot) {
            UserPrincipal owner = workspace.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(user);
            forEach(workspace, path -> Files.getFileAttributeView(path,
                    java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(owner));
        } else {
            forEach(workspace, path -> Files.setPosixFilePermissions(path, openedUp(path)));
        }
    }

    /**
     * Lets the worker delete what the job made: without root, the job user's files and directories may not be
     * writable for the worker, so the job user opens them up first.
     */
    void takeBack(Path workspace) {
        if (!switchesUser() || workerIsRoot) {
            return;
        }
        try {
            Process process = new ProcessBuilder(wrap(List.of("chmod", "-R", "a+rwX", workspace.toString())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Workspace#close reports what it cannot delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How {@link ProcessTree} reaches the job's processes: directly, or as the job user when not root. */
    ProcessTree.Signals signals() {
        return !switchesUser() || workerIsRoot ? ProcessTree.Signals.DIRECT : new SignalsAsUser(this);
    }

    private static Set<PosixFilePermission> openedUp(Path path) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path,
                LinkOption.NOFOLLOW_LINKS));
        permissions.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE));
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private interface PathAction {
        void apply(Path path) throws IOException;
    }

    private static void forEach(Path root, PathAction action) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                action.apply(path);
            }
        }
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
