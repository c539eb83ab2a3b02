package dev.muster.workers.entity;

import dev.muster.jobs.entity.JobKind;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.jobs.entity.Labels;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a worker says about itself when it registers. At most 8 labels: a worker's label set is matched by
 * enumerating its subsets (see {@code DispatchQueues}). A worker says what it is ({@code java}, the default, or
 * {@code browser}) and which job kinds it runs (default: shell); it is offered only jobs of those kinds.
 *
 * <p>Not here: the enrolment token, which comes as the request's bearer token like every other credential.
 */
public record WorkerRegistration(
        @NotBlank @Size(max = 200) @Pattern(regexp = JobSpec.NO_NUL, message = JobSpec.NO_NUL_MESSAGE) String name,
        @Pattern(regexp = JobSpec.POOL_PATTERN, message = "must be 1-63 lowercase letters, digits, '-' or '_'") String pool,
        @Size(max = Labels.MAX) List<@NotNull @Pattern(regexp = Labels.PATTERN, message = "must be a label of letters, digits, '.', '_' or '-'") String> labels,
        @NotNull @Min(1) @Max(1024) Integer slots,
        @Size(max = 64) @Pattern(regexp = JobSpec.NO_NUL, message = JobSpec.NO_NUL_MESSAGE) String version,
        @Pattern(regexp = "java|browser", message = "must be \"java\" or \"browser\"") String kind,
        @Size(min = 1, max = 2) List<@NotNull @Pattern(regexp = JobKind.PATTERN, message = JobKind.PATTERN_MESSAGE) String> jobKinds) {

    public static final String JAVA = "java";
    public static final String BROWSER = "browser";

    public WorkerRegistration {
        kind = kind == null ? JAVA : kind;
        jobKinds = jobKinds == null ? List.of(JobKind.SHELL) : jobKinds;
        pool = pool == null ? JobSpec.DEFAULT_POOL : pool;
        labels = labels == null ? List.of() : labels;
    }
}
