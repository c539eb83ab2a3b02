package dev.muster.workers.boundary;

import dev.muster.jobs.control.AttemptReports.Completion;
import dev.muster.jobs.control.AttemptReports.HeldLease;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.JobResult;
import dev.muster.jobs.entity.JobSpec;
import jakarta.json.JsonValue;
import dev.muster.logs.entity.ChunkIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bodies workers send, as the worker protocol (docs/protocol.md) defines them. Public: the JSON binder needs it. */
public final class WorkerReports {

    private WorkerReports() {
    }

    public record Heartbeat(@NotNull @Size(max = 1024) List<@NotNull @Valid AttemptLease> attempts) {
        List<HeldLease> leases() {
            return attempts.stream().map(a -> new HeldLease(a.attemptId(), a.leaseToken())).toList();
        }
    }

    public record AttemptLease(@NotBlank String attemptId, @NotBlank String leaseToken) {
    }

    public record LogAppend(@NotBlank String leaseToken, @NotNull @Size(max = 10_000) List<@NotNull @Valid ChunkIn> chunks) {
    }

    public record Complete(@NotBlank String leaseToken,
                    @NotNull @Pattern(regexp = "exited|timed_out|cancelled|error|abandoned",
                            message = "must be one of exited, timed_out, cancelled, error, abandoned") String outcome,
                    Integer exitCode,
                    @Min(0) Long durationMs,
                    @Size(max = 4096) String detail,
                    JsonValue result,
                    @Valid ThrownError error) {

        Completion completion() {
            AttemptState state = AttemptState.valueOf(outcome.toUpperCase(java.util.Locale.ROOT));
            if (state == AttemptState.EXITED && exitCode == null) {
                throw dev.muster.platform.Refused.invalid("exitCode", "is required when outcome is exited");
            }
            if (result != null && result.toString().length() > JobSpec.INPUT_MAX) {
                throw dev.muster.platform.Refused.invalid("result", "must be at most " + JobSpec.INPUT_MAX + " characters as JSON");
            }
            JobResult reported = new JobResult(result == null || result == JsonValue.NULL ? null : textOf(result.toString()),
                    error == null ? null : textOf(error.message()), error == null ? null : textOf(error.stack()));
            return new Completion(state, exitCode, textOf(detail), reported);
        }

        /** Free text from the worker; PostgreSQL text cannot hold U+0000. */
        private static String textOf(String text) {
            return text == null ? null : text.replace('\u0000', '\uFFFD');
        }
    }

    /** What a js job threw: its message and the JavaScript stack. */
    public record ThrownError(@Size(max = 4096) String message, @Size(max = 65_536) String stack) {
    }
}
