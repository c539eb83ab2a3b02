package dev.muster.worker.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills a process together with everything it started. A job is {@code sh -c …}; killing only the shell would
 * leave its children running (and holding the log pipes open). Descendants are collected before anything is
 * signalled, because a child whose parent died is re-parented and no longer shows up as a descendant.
 *
 * <p>Everyone gets SIGTERM first, so jobs can clean up, and whatever still runs after {@code grace} gets SIGKILL,
 * which no process can ignore; that includes children that processes ignoring SIGTERM started meanwhile.
 * Parents are signalled before their children: a shell that is already gone cannot start a replacement for a
 * child it sees die, nor write "Terminated" job notices into the job's log.
 */
public final class ProcessTree {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration AFTER_SIGKILL = Duration.ofSeconds(1);

    /** How a process is sent SIGTERM ({@code force} false) or SIGKILL. */
    interface Signals {
        Signals DIRECT = (process, force) -> {
            if (force) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        };

        void send(ProcessHandle process, boolean force);
    }

    private final Duration grace;
    private final Signals signals;

    public ProcessTree(Duration grace) {
        this(grace, Signals.DIRECT);
    }

    /** @param signals how to reach processes of another user ({@code --run-as}) */
    ProcessTree(Duration grace, Signals signals) {
        this.grace = grace;
        this.signals = signals;
    }

    /**
     * Blocks until every process of the tree is gone, at most about {@code grace} plus a second. An interrupt
     * skips the rest of the grace: the survivors get SIGKILL at once.
     */
    public void kill(ProcessHandle root) {
        List<ProcessHandle> tree = snapshot(List.of(root));
        tree.forEach(process -> signals.send(process, false));
        if (!awaitGone(tree, grace)) {
            List<ProcessHandle> survivors = snapshot(tree.stream().filter(ProcessTree::isRunning).toList());
            survivors.forEach(process -> signals.send(process, true));
            boolean interrupted = Thread.interrupted(); // SIGKILL takes effect at once: worth the short wait
            awaitGone(survivors, AFTER_SIGKILL);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the process still runs. A killed orphan stays a zombie until its new parent reaps it, and in a
     * container whose PID 1 never reaps that is for ever; {@link ProcessHandle#isAlive()} counts zombies as
     * alive, so on Linux their state is read from {@code /proc}.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException | UnsupportedOperationException e) {
            return process.isAlive(); // no /proc (not Linux), or the process is gone by now
        }
    }

    /**
     * The given processes and their current descendants, each once, parents before children
     * ({@link ProcessHandle#descendants()} walks the tree breadth first).
     */
    private static List<ProcessHandle> snapshot(List<ProcessHandle> roots) {
        List<ProcessHandle> tree = new ArrayList<>();
        for (ProcessHandle root : roots) {
            if (!tree.contains(root)) {
                tree.add(root);
            }
            root.descendants().filter(p -> !tree.contains(p)).forEach(tree::add);
        }
        return tree;
    }

    /** Polls rather than using {@code onExit()}, which never completes for a zombie that is not our child. */
    private static boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessTree::isRunning)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
