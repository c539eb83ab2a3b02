package dev.muster.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The long-lived processes a run starts (the standalone broker, Payara Micro instances, workers), one line each in a
 * file that outlives the harness. A build killed mid-run (a CI timeout, a second Ctrl-C) cannot stop them itself, so
 * the next run stops them before it starts anything. A pid counts only together with its process's start time: a
 * pid the system has since given to another process is never killed.
 */
final class ProcessLedger {

    private final Path file;

    ProcessLedger(Path file) {
        this.file = file;
    }

    /** Notes a process just started; {@code what} is for the log of the run that may have to kill it. */
    synchronized void record(ProcessHandle process, String what) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, process.pid() + " " + started + " " + what.replace('\n', ' ') + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * SIGKILL to every process of the file that still runs (and to its children first: a worker's jobs), then
     * empties the file. Returns what it killed.
     */
    synchronized List<String> killSurvivors() throws IOException {
        List<String> killed = new ArrayList<>();
        if (!Files.exists(file)) {
            return killed;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
            long recordedStart = Long.parseLong(parts[1]);
            if (process.isPresent() && recordedStart != 0 && process.get().info().startInstant()
                    .map(Instant::toEpochMilli).filter(start -> start == recordedStart).isPresent()) {
                process.get().descendants().forEach(ProcessHandle::destroyForcibly);
                process.get().destroyForcibly();
                process.get().onExit().join();
                killed.add(parts[2] + " (pid " + parts[0] + ")");
            }
        }
        Files.delete(file);
        return killed;
    }
}
