package dev.muster.worker.cli;

import dev.muster.worker.execution.JobIsolation;
import dev.muster.worker.execution.Worker;
import dev.muster.worker.execution.WorkerSettings;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code muster worker}: run jobs for a pool until stopped. SIGTERM or Ctrl-C drains: no new jobs, running
 * ones get {@code --drain-seconds} to finish, then the worker deregisters and exits. A second signal while it
 * drains kills the running jobs at once (they are reported "abandoned", and the server runs them again).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs jobs of one pool until stopped.",
            "Each job runs as `sh -c COMMAND` in a fresh temporary directory that is deleted afterwards, with "
                    + "its workspace archive (if any) unpacked into it. It sees only the worker's environment "
                    + "variables that --env-allow lets through, never MUSTER_*, plus its own env.",
            "SIGTERM or Ctrl-C stops leasing, lets running jobs finish for --drain-seconds, kills the rest, "
                    + "and deregisters. A second SIGTERM or Ctrl-C kills the running jobs at once.",
            "Killed jobs are reported abandoned: the server runs them again while they have attempts left."},
        footer = {"%nExamples:",
            "  muster worker --server http://muster:8080 --pool build --slots 4",
            "  muster worker --labels linux,java --server http://a:8080,http://b:8080",
            "  muster worker --run-as builder --env-allow 'PATH,HOME,JAVA_*'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:usage error, or --run-as cannot run commands as that user",
            "4:the server refused to register the worker (e.g. the enrolment token)"})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerConnection server;

    @Option(names = "--pool", paramLabel = "NAME", defaultValue = "default", description = "Pool to take jobs from (default: ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--slots", paramLabel = "N",
            description = "Jobs run at once, at least 1 (default: the number of CPUs, here ${DEFAULT-VALUE}).")
    int slots = Runtime.getRuntime().availableProcessors();

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "Capabilities of this worker that jobs can require, comma-separated.")
    List<String> labels = List.of();

    @Option(names = "--name", paramLabel = "NAME", description = "Name shown on the server (default: the host name).")
    String name;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where job workspaces are created (default: the system temp directory).")
    Path workDir;

    @Option(names = "--drain-seconds", paramLabel = "S", defaultValue = "60",
            description = "On shutdown, how long running jobs may finish before they are killed (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Mixin
    JobIsolationOptions jobs;

    // No ${DEFAULT-VALUE} in the description: help must never show the token.
    @Option(names = "--enrolment-token", paramLabel = "TOKEN", defaultValue = "${env:MUSTER_ENROLMENT_TOKEN}",
            description = "Enrolment token (mst_enr_…) to register with; later calls use the secret the server "
                    + "returns. Default: $MUSTER_ENROLMENT_TOKEN.")
    String enrolmentToken;

    @Override
    public Integer call() {
        validate();
        JobIsolation isolation = jobs.isolation(spec);
        Logger logging = ConsoleLogging.install();
        Worker worker = new Worker(new WorkerSettings(server.servers(), name != null ? name : hostName(), pool,
                labels, slots, workDir, Duration.ofSeconds(drainSeconds),
                ServerConnection.blankToNull(enrolmentToken), server.tls(), isolation));
        StopSignals signals = new StopSignals(new WorkerShutdown(worker, drainSeconds, spec.commandLine().getErr()));
        signals.install();
        worker.start();
        try {
            worker.termination().toCompletableFuture().join();
            return ExitCodes.OK;
        } catch (CompletionException e) {
            signals.close();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // mapped to an exit code like every other refusal
            }
            throw e;
        } finally {
            Reference.reachabilityFence(logging); // JUL holds loggers weakly; keep the configured one alive
        }
    }

    private void validate() {
        if (slots < 1) {
            throw new ParameterException(spec.commandLine(), "--slots must be at least 1, was " + slots);
        }
        if (drainSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--drain-seconds must not be negative");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "worker";
        }
    }
}
