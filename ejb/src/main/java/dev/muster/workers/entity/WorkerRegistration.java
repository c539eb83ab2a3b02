package dev.muster.workers.entity;

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
 * enumerating its subsets (see {@code DispatchQueues}).
 */
public record WorkerRegistration(
        @NotBlank @Size(max = 200) @Pattern(regexp = JobSpec.NO_NUL, message = JobSpec.NO_NUL_MESSAGE) String name,
        @Pattern(regexp = JobSpec.POOL_PATTERN, message = "must be 1-63 lowercase letters, digits, '-' or '_'") String pool,
        @Size(max = Labels.MAX) List<@NotNull @Pattern(regexp = Labels.PATTERN, message = "must be a label of letters, digits, '.', '_' or '-'") String> labels,
        @NotNull @Min(1) @Max(1024) Integer slots,
        @Size(max = 64) @Pattern(regexp = JobSpec.NO_NUL, message = JobSpec.NO_NUL_MESSAGE) String version) {

    public WorkerRegistration {
        pool = pool == null ? JobSpec.DEFAULT_POOL : pool;
        labels = labels == null ? List.of() : labels;
    }
}
