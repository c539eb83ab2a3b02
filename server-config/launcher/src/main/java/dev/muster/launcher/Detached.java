package dev.muster.launcher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the launcher in a session of its own. A Ctrl-C in a terminal sends SIGINT to every process of the foreground
 * process group: PostgreSQL, Payara and the local worker's jobs would all stop at once, in no order, under each
 * other's feet. The command the user starts therefore only relaunches itself under {@code setsid} and turns its own
 * SIGINT/SIGTERM into one SIGTERM for the detached launcher, whose shutdown hook stops everything in order.
 */
final class Detached {

    private static final String MARKER = "muster.launcher.detached";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Detached() {
    }

    /**
     * @return true when this process relaunched the launcher detached and has now finished (the caller returns);
     *         false when this process is the launcher (already detached, or no {@code setsid} on this system)
     */
    static boolean relaunchIfAttached() {
        if (Boolean.getBoolean(MARKER) || !Files.isExecutable(SETSID)) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(SETSID.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-D" + MARKER + "=true", "-cp", System.getProperty("java.class.path"),
                MusterServer.class.getName()));
        try {
            Process launcher = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(launcher), "muster-forward-stop"));
            System.exit(launcher.waitFor());
        } catch (Exception e) {
            System.err.println("muster-server: could not start the launcher: " + e.getMessage());
            System.exit(1);
        }
        return true;
    }

    private static void stop(Process launcher) {
        launcher.destroy();
        try {
            if (!launcher.waitFor(3, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
