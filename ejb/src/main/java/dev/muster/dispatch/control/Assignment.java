package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.Job;
import dev.muster.workspaces.entity.Workspace;

import java.time.Instant;

/** A job handed to a worker: what to run and the lease that entitles the worker to report on it. */
public record Assignment(String jobId, String attemptId, String leaseToken, Instant leaseExpiresAt,
                         String kind, String command, String envJson, Integer timeoutSeconds, String script,
                         String inputJson, Workspace.Ref workspace) {

    /** @param workspace the job's workspace, null for none */
    static Assignment of(Job job, Attempt attempt, Workspace.Ref workspace) {
        return new Assignment(job.id(), attempt.id(), attempt.leaseToken(), attempt.leaseExpiresAt(),
                job.kind(), job.command(), job.envJson(), job.timeoutSeconds(), job.script(), job.inputJson(),
                workspace);
    }
}
