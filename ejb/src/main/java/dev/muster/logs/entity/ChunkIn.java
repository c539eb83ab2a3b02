package dev.muster.logs.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A log chunk as a worker sends it. */
public record ChunkIn(
        @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer seq,
        @NotNull @Pattern(regexp = "stdout|stderr", message = "must be \"stdout\" or \"stderr\"") String stream,
        @NotNull @Size(max = ChunkIn.MAX_CHARS) String data) {

    /** Bounds what one page of a log read can hold in memory (see JobsResource). */
    public static final int MAX_CHARS = 256 * 1024;
}
