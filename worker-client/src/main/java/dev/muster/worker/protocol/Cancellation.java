package dev.muster.worker.protocol;

/**
 * The answer to {@code POST /api/v1/jobs/{id}/cancel}: the job, and whether it is still running until its worker
 * stops it (202) rather than already cancelled (200).
 */
public record Cancellation(Job job, boolean stillRunning) {
}
