package dev.muster.dispatch.control;

import dev.muster.jobs.entity.JobKind;
import dev.muster.jobs.entity.Labels;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Names and selectors of the queues jobs travel through. Submission goes to {@value #SUBMITTED}; the router moves
 * each job to its pool's dispatch queue, where waiting workers of that pool take it. A job's required labels ride on
 * the message as {@value #LABELS} (canonical form); a worker takes only messages whose label set is a subset of its
 * own, expressed as an {@code IN} over its label subsets. The job's kind rides as {@value #KIND}: a worker takes only
 * the kinds it runs. Messages sent before kinds existed carry none and are shell jobs.
 */
public final class DispatchQueues {

    public static final String SUBMITTED = "muster.jobs";
    public static final String JOB_ID = "musterJobId";
    public static final String POOL = "musterPool";
    public static final String LABELS = "musterLabels";
    public static final String KIND = "musterKind";
    /** The job's queue generation when the message was sent (see {@code Job.isDue}). */
    public static final String GENERATION = "musterGeneration";
    /** When the job was submitted (epoch millis), for the pickup-latency metric. */
    public static final String SUBMITTED_AT = "musterSubmittedAt";
    private static final String DISPATCH_PREFIX = "muster.dispatch.";

    private DispatchQueues() {
    }

    public static String dispatchQueue(String pool) {
        return DISPATCH_PREFIX + pool;
    }

    public static String selectorFor(Labels workerLabels, Collection<String> jobKinds) {
        String labels = workerLabels.subsets().stream()
                .map(subset -> "'" + subset + "'")
                .collect(Collectors.joining(", ", LABELS + " IN (", ")"));
        String kinds = jobKinds.stream().sorted()
                .map(kind -> "'" + kind + "'")
                .collect(Collectors.joining(", ", KIND + " IN (", ")"));
        return labels + " AND (" + kinds + (jobKinds.contains(JobKind.SHELL) ? " OR " + KIND + " IS NULL)" : ")");
    }
}
