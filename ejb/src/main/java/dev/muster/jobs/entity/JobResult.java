package dev.muster.jobs.entity;

/**
 * What a js job's attempt reported beyond its outcome: the value it returned (JSON text), or the message and stack
 * of what it threw. All null for a shell job.
 */
public record JobResult(String resultJson, String errorMessage, String errorStack) {

    public static final JobResult NONE = new JobResult(null, null, null);
}
