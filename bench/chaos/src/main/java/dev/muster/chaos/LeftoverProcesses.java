package dev.muster.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds processes of this run's jobs that are still alive: each job exports {@code CHAOS_RUN=<run id>} and
 * {@code CHAOS_TOKEN=<token>}, so its shell carries them on its command line and every process it starts in its
 * environment. Linux only (reads /proc); zombies have neither and are not counted.
 */
final class LeftoverProcesses {

    private static final Pattern TOKEN = Pattern.compile("CHAOS_TOKEN=(t\\d+)");

    /** A live process of a job. */
    record Leftover(long pid, String token, String commandLine) {
    }

    private LeftoverProcesses() {
    }

    static List<Leftover> find(String runId) {
        String marker = "CHAOS_RUN=" + runId;
        List<Leftover> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String commandLine = read(process.resolve("cmdline"));
                String tagged = commandLine.contains(marker) ? commandLine : read(process.resolve("environ"));
                if (tagged.contains(marker) && !commandLine.isEmpty()) {
                    Matcher token = TOKEN.matcher(tagged);
                    found.add(new Leftover(Long.parseLong(process.getFileName().toString()),
                            token.find() ? token.group(1) : "?", commandLine.strip()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    /** SIGKILL to each: they belong to this run's jobs, and must not outlive it. */
    static void kill(List<Leftover> leftovers) {
        leftovers.forEach(leftover -> ProcessHandle.of(leftover.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException gone) {
            return "";
        }
    }
}
