package dev.muster.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real worker processes ({@code java -jar muster.jar worker}), each with a name of its own (a replacement gets a
 * new one, so the database tells which process ran an attempt), its own work directory and log file. Each gets every
 * instance's URL, rotated so that worker i prefers instance i mod N and fails over to the next ones, as a fleet
 * spread over several instances would be configured. Every start goes into the {@link ProcessLedger}.
 */
final class WorkerProcesses implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path workerJar;
    private final List<URI> servers;
    private final Path dir;
    private final String pool;
    private final int slots;
    private final int drainSeconds;
    private final String namePrefix;
    private final ProcessLedger ledger;
    private final List<Worker> workers = new ArrayList<>();
    private final List<String> unexpectedExits = new ArrayList<>();
    private int started;

    /**
     * One worker process; {@code name} is what it registered as, {@code servers} its --server list (the first is the
     * instance it prefers).
     */
    record Worker(String name, Process process, List<URI> servers) {
        long pid() {
            return process.pid();
        }
    }

    /** @param namePrefix workers are named {@code <prefix>1}, {@code <prefix>2}…; unique per set, as the database sees names */
    WorkerProcesses(Path workerJar, List<URI> servers, Path dir, String pool, int slots, int drainSeconds,
                    String namePrefix, ProcessLedger ledger) {
        this.workerJar = workerJar;
        this.namePrefix = namePrefix;
        this.servers = List.copyOf(servers);
        this.ledger = ledger;
        this.dir = dir;
        this.pool = pool;
        this.slots = slots;
        this.drainSeconds = drainSeconds;
    }

    /** Starts the next worker, preferring the instance after the one the previous worker preferred. */
    synchronized Worker start() throws IOException {
        List<URI> rotated = new ArrayList<>(servers);
        Collections.rotate(rotated, -(started % servers.size()));
        return start(rotated);
    }

    /** Starts a worker with exactly these --server URLs, in this order of preference. */
    synchronized Worker start(List<URI> preference) throws IOException {
        String name = namePrefix + (++started);
        Path work = Files.createDirectories(dir.resolve(name));
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-jar", workerJar.toString(), "worker",
                "--server", String.join(",", preference.stream().map(URI::toString).toList()),
                "--pool", pool, "--slots", Integer.toString(slots),
                "--name", name, "--work-dir", work.toString(), "--drain-seconds", Integer.toString(drainSeconds));
        builder.environment().put("MUSTER_ENROLMENT_TOKEN", ChaosCredentials.ENROLMENT_TOKEN);
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        ledger.record(process.toHandle(), "worker " + name + " " + work);
        Worker worker = new Worker(name, process, List.copyOf(preference));
        workers.add(worker);
        return worker;
    }

    /** The workers still running; notes any that ended without the harness ending them. */
    synchronized List<Worker> alive() {
        List<Worker> alive = new ArrayList<>();
        for (Worker worker : List.copyOf(workers)) {
            if (worker.process().isAlive()) {
                alive.add(worker);
            } else {
                workers.remove(worker);
                unexpectedExits.add(worker.name() + " exited on its own with code " + worker.process().exitValue()
                        + " (log: " + dir.resolve(worker.name() + ".log") + ")");
            }
        }
        return alive;
    }

    synchronized List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    /**
     * The worker's machine dies: SIGKILL to the worker and then to the jobs it ran (a killed JVM cannot kill its
     * children, and orphans of jobs that ignore SIGTERM would otherwise outlive the run).
     */
    synchronized void kill(Worker worker) throws InterruptedException {
        List<ProcessHandle> jobs = worker.process().descendants().toList();
        worker.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        jobs.forEach(ProcessHandle::destroyForcibly);
        workers.remove(worker);
    }

    /** SIGSTOP: the worker freezes (a long GC pause, a suspended VM); its jobs go on running. */
    void pause(Worker worker) throws IOException, InterruptedException {
        signal("-STOP", worker);
    }

    /** SIGCONT. */
    void resume(Worker worker) throws IOException, InterruptedException {
        signal("-CONT", worker);
    }

    private static void signal(String signal, Worker worker) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(worker.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + signal + " " + worker.pid() + " failed");
        }
    }

    /** SIGTERM (the worker drains for --drain-seconds and deregisters), SIGKILL to what is left after that. */
    @Override
    public synchronized void close() throws InterruptedException {
        for (Worker worker : workers) {
            worker.process().destroy();
        }
        for (Worker worker : workers) {
            List<ProcessHandle> jobs = worker.process().descendants().toList();
            if (!worker.process().waitFor(drainSeconds + 20L, TimeUnit.SECONDS)) {
                worker.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            jobs.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        workers.clear();
    }
}
