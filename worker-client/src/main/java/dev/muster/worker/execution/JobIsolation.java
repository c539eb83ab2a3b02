package dev.muster.worker.execution;

/**
 * What keeps a job from the worker and from other jobs beyond its own workspace: the environment it sees, the
 * user it runs as, and the limits on the workspace archive it brings.
 */
public record JobIsolation(JobEnvironment environment, RunAs runAs, ArchiveLimits archiveLimits) {

    public static final JobIsolation DEFAULT = new JobIsolation(JobEnvironment.DEFAULT, RunAs.NONE,
            ArchiveLimits.DEFAULT);

    public JobIsolation {
        environment = environment != null ? environment : JobEnvironment.DEFAULT;
        runAs = runAs != null ? runAs : RunAs.NONE;
        archiveLimits = archiveLimits != null ? archiveLimits : ArchiveLimits.DEFAULT;
    }
}
