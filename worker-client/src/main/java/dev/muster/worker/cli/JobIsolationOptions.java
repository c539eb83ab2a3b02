package dev.muster.worker.cli;

import dev.muster.worker.execution.ArchiveLimits;
import dev.muster.worker.execution.JobEnvironment;
import dev.muster.worker.execution.JobIsolation;
import dev.muster.worker.execution.RunAs;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The worker's options that decide what a job may see and do: environment, user, workspace archive limits. */
class JobIsolationOptions {

    @Option(names = "--env-allow", paramLabel = "NAME", split = ",", defaultValue = "${env:MUSTER_ENV_ALLOW}",
            description = "Variables of the worker's environment jobs may see, comma-separated; NAME* matches a "
                    + "prefix. MUSTER_* never passes. Default: $MUSTER_ENV_ALLOW, else "
                    + "PATH,HOME,USER,LOGNAME,LANG,LC_*,TZ,TMPDIR,TERM,SHELL.")
    List<String> envAllow;

    @Option(names = "--run-as", paramLabel = "USER",
            description = "Run jobs as this OS user: with runuser (Linux, worker is root) or sudo -n -E (needs a "
                    + "NOPASSWD:SETENV: sudoers rule). Checked once at start. Not on Windows.")
    String runAs;

    @Option(names = "--workspace-max-bytes", paramLabel = "BYTES", defaultValue = "1073741824",
            description = "Most bytes a job's workspace archive may unpack to (default: ${DEFAULT-VALUE}, 1 GiB).")
    long maxBytes;

    @Option(names = "--workspace-max-entries", paramLabel = "N", defaultValue = "10000",
            description = "Most files and directories in a workspace archive (default: ${DEFAULT-VALUE}).")
    int maxEntries;

    @Option(names = "--workspace-max-ratio", paramLabel = "N", defaultValue = "100",
            description = "Most an archive entry may inflate, as a multiple of its compressed size, once past "
                    + "1 MiB (default: ${DEFAULT-VALUE}).")
    int maxRatio;

    /** Checks --run-as once, now, so a worker that cannot switch users never takes a job. */
    JobIsolation isolation(CommandSpec spec) {
        return new JobIsolation(environment(spec), user(spec), limits(spec));
    }

    private JobEnvironment environment(CommandSpec spec) {
        try {
            return envAllow == null || envAllow.isEmpty() ? JobEnvironment.DEFAULT
                    : new JobEnvironment(envAllow.stream().map(String::strip).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--env-allow: " + e.getMessage());
        }
    }

    private RunAs user(CommandSpec spec) {
        if (runAs == null) {
            return RunAs.NONE;
        }
        try {
            RunAs user = RunAs.user(runAs);
            user.verify();
            return user;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), "--run-as " + runAs + ": " + e.getMessage());
        }
    }

    private ArchiveLimits limits(CommandSpec spec) {
        try {
            return new ArchiveLimits(maxBytes, maxEntries, maxRatio);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
