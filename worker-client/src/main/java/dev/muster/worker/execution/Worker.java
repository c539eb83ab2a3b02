package dev.muster.worker.execution;

import dev.muster.worker.protocol.HttpTransport;
import dev.muster.worker.protocol.LeasedJob;
import dev.muster.worker.protocol.MusterVersion;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.RetryPolicy;
import dev.muster.worker.protocol.ServerList;
import dev.muster.worker.protocol.ServerUnreachableException;
import dev.muster.worker.protocol.WorkerCredentials;
import dev.muster.worker.protocol.WorkerRegistration;
import dev.muster.worker.protocol.WorkerSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Muster worker: registers with the server, leases jobs while it has free slots, runs them, ships their logs,
 * reports how they ended, and keeps its leases alive with heartbeats. Used by {@code muster worker} and, in
 * the same JVM, by the server's launcher.
 *
 * <p>Lifecycle: {@link #start()} returns at once; registration happens in the background and is retried for as
 * long as the server is unreachable, so a worker may be started before its server is up. Only a server that
 * refuses the registration (4xx) ends the worker; {@link #termination()} then completes exceptionally.
 * {@link #stop()} drains: no more leasing, running jobs get {@code drain} to finish, the rest are killed and
 * reported "abandoned" (the server runs them again), then the worker deregisters. {@link #stopNow()} skips the
 * drain, or cuts short the one in progress. Stopping takes at most about {@code drain} + {@code killGrace} +
 * {@code finalReportTimeout}, whether or not the server answers: whatever has not reported by then is given up,
 * and its leases expire on the server. All threads are daemons, and none outlives {@code stop()} except a
 * job-output reader left blocked by an orphaned grandchild process.
 */
public final class Worker {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    /** How long a worker thread may take to notice an interrupt; its calls end at once when interrupted. */
    private static final Duration THREAD_JOIN = Duration.ofSeconds(5);
    /** Deregistering is worth a try even when the attempts used up the time to report. */
    private static final Duration MIN_GOODBYE = Duration.ofSeconds(2);

    private final WorkerSettings settings;
    private final WorkerTuning tuning;
    private final WorkerSession session;
    private final RunningAttempts attempts;
    private final ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads("muster-attempt"));
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private Thread leasing;
    private Thread heartbeat;
    private boolean stopping;

    public Worker(WorkerSettings settings) {
        this(settings, WorkerTuning.DEFAULT);
    }

    public Worker(WorkerSettings settings, WorkerTuning tuning) {
        this.settings = settings;
        this.tuning = tuning;
        HttpTransport transport = new HttpTransport(new ServerList(settings.servers()),
                RetryPolicy.forever(tuning.backoff()), settings.tls(), null);
        this.session = new WorkerSession(transport, new WorkerRegistration(settings.name(), settings.pool(),
                settings.labels(), settings.slots(), MusterVersion.current()), settings.enrolmentToken());
        this.attempts = new RunningAttempts(settings.slots());
    }

    /** Starts registering and leasing in the background; returns at once. */
    public synchronized void start() {
        if (leasing != null || stopping) {
            throw new IllegalStateException("a worker can be started only once");
        }
        leasing = new DaemonThreads("muster-lease").newThread(this::registerAndLease);
        leasing.start();
    }

    /** Drains and stops as described above; blocks until done. Calling it again waits for the first call. */
    public void stop() {
        stop(false);
    }

    /**
     * Stops without a drain: running jobs are killed at once and reported "abandoned". Safe to call while
     * {@link #stop()} drains, which it cuts short; blocks until the worker has stopped.
     */
    public void stopNow() {
        stop(true);
    }

    private void stop(boolean now) {
        if (now) {
            LOG.log(Level.INFO, "stopping now: killing {0} running jobs", attempts.size());
            attempts.stopAll(StopReason.SHUTDOWN); // also ends a drain in progress
        }
        Thread leaseThread;
        boolean first;
        synchronized (this) {
            first = !stopping;
            stopping = true;
            leaseThread = leasing;
        }
        if (!first) {
            termination.exceptionally(e -> null).join(); // not holding the lock: the first stop() needs it
            return;
        }
        interruptAndJoin(leaseThread, THREAD_JOIN);
        long reportDeadline = killAndReport(drainAttempts());
        Thread heartbeatThread;
        synchronized (this) {
            heartbeatThread = heartbeat;
        }
        interruptAndJoin(heartbeatThread, THREAD_JOIN);
        executor.shutdownNow(); // interrupts attempts still trying to report: they are given up
        deregister(Duration.ofNanos(Math.max(reportDeadline - System.nanoTime(), MIN_GOODBYE.toNanos())));
        termination.complete(null);
    }

    /** Completes when the worker has stopped; exceptionally if the server refused to register it. */
    public CompletionStage<Void> termination() {
        return termination;
    }

    /** The id the server gave this worker, once registered. */
    public Optional<String> workerId() {
        return Optional.ofNullable(session.credentials()).map(WorkerCredentials::workerId);
    }

    /** How many jobs run right now. */
    public int runningJobs() {
        return attempts.size();
    }

    private void registerAndLease() {
        try {
            session.register();
        } catch (ProblemException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "the server refused to register this worker: {0}", e.getMessage());
            termination.completeExceptionally(e);
            return;
        } catch (CancellationException e) {
            return; // stopped before the server was reachable
        }
        synchronized (this) {
            if (stopping) {
                return;
            }
            heartbeat = new DaemonThreads("muster-heartbeat")
                    .newThread(new HeartbeatLoop(session, attempts, tuning.backoff()));
            heartbeat.start();
        }
        try {
            new LeaseLoop(session, attempts, this::launch, tuning.leaseWaitSeconds(), tuning.backoff()).run();
        } catch (RuntimeException bug) {
            // Without its lease loop the worker would idle for ever while looking healthy: make it visible.
            LOG.log(Level.ERROR, "the lease loop failed; this worker takes no more jobs", bug);
            termination.completeExceptionally(bug);
        }
    }

    private void launch(LeasedJob job) {
        LOG.log(Level.INFO, "leased job {0} (attempt {1})", job.jobId(), job.attemptId());
        Attempt attempt = new Attempt(job);
        attempts.add(attempt);
        AttemptRunner runner = new AttemptRunner(attempt, session, settings.workDir(), tuning, executor,
                settings.isolation());
        executor.execute(() -> {
            try {
                runner.run();
            } finally {
                attempts.remove(attempt);
            }
        });
    }

    /** @return whether every attempt ended (and reported) within the drain */
    private boolean drainAttempts() {
        if (attempts.size() > 0) {
            LOG.log(Level.INFO, "stopping: waiting up to {0} s for {1} running jobs",
                    settings.drain().toSeconds(), attempts.size());
        }
        try {
            return attempts.awaitDrained(settings.drain());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills what still runs and gives it until the returned deadline ({@code System.nanoTime()}) to ship its log
     * and report. Attempts that ended but could not report yet (the server is away) get the same time.
     */
    private long killAndReport(boolean drained) {
        long deadline = System.nanoTime() + tuning.finalReportTimeout().toNanos();
        if (drained) {
            return deadline;
        }
        LOG.log(Level.INFO, "stopping: killing {0} jobs still running", attempts.size());
        attempts.stopAll(StopReason.SHUTDOWN);
        deadline += tuning.killGrace().toNanos();
        try {
            if (!attempts.awaitEmpty(Duration.ofNanos(deadline - System.nanoTime()))) {
                LOG.log(Level.WARNING, "stopping: giving up on {0} jobs that could not report in time",
                        attempts.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return deadline;
    }

    /** Says goodbye within {@code budget}: an unreachable server must not hold up the exit. */
    private void deregister(Duration budget) {
        Thread goodbye = new DaemonThreads("muster-deregister").newThread(() -> {
            try {
                session.deregister(RetryPolicy.tries(3, tuning.backoff()));
            } catch (ProblemException | ServerUnreachableException | CancellationException e) {
                // The server drops the worker when its heartbeats stop; nothing else to do on the way out.
                LOG.log(Level.WARNING, "could not deregister: {0}", e.getMessage());
            }
        });
        goodbye.start();
        interruptAndJoin(goodbye, budget, false);
    }

    private static void interruptAndJoin(Thread thread, Duration timeout) {
        interruptAndJoin(thread, timeout, true);
    }

    /** Interrupts first, or only if the thread is still running after {@code timeout}. */
    private static void interruptAndJoin(Thread thread, Duration timeout, boolean interruptFirst) {
        if (thread == null) {
            return;
        }
        if (interruptFirst) {
            thread.interrupt();
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
            if (thread.isAlive() && !interruptFirst) {
                thread.interrupt();
                thread.join(THREAD_JOIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
