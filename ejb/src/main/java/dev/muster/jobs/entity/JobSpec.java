package dev.muster.jobs.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * What a client asks to run: the submission contract, validated where it enters (REST, JMS) and shaped like the
 * JSON body of {@code POST /api/v1/jobs}. Absent optional fields take their defaults here.
 */
public record JobSpec(
        @Pattern(regexp = "shell", message = "must be \"shell\"") String kind,
        @NotBlank @Size(max = COMMAND_MAX) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String command,
        @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,127}", message = "must be an environment variable name") String,
                @NotNull @Size(max = 8192) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String> env,
        @Pattern(regexp = POOL_PATTERN, message = "must be 1-63 lowercase letters, digits, '-' or '_'") String pool,
        @Size(max = Labels.MAX) List<@NotNull @Pattern(regexp = Labels.PATTERN, message = "must be a label of letters, digits, '.', '_' or '-'") String> labels,
        @Min(0) @Max(9) Integer priority,
        @Min(1) @Max(7 * 24 * 3600) Integer timeoutSeconds,
        @Min(1) @Max(100) Integer maxAttempts,
        @Size(max = 32) List<@NotNull @Min(1) @Max(255) Integer> retryOnExitCodes,
        @Min(0) @Max(3600) Integer retryBackoffSeconds,
        @Size(min = 1, max = 200) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE) String idempotencyKey) {

    public static final int COMMAND_MAX = 65_536;
    /** PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 rather than a failed commit. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain the NUL character";
    public static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]+";
    public static final String IDEMPOTENCY_KEY_MESSAGE = "must be printable ASCII without spaces";
    public static final String POOL_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}";
    public static final String DEFAULT_POOL = "default";
    /** The JMS default priority, in the middle of 0..9. */
    public static final int DEFAULT_PRIORITY = 4;

    public JobSpec {
        kind = kind == null ? "shell" : kind;
        env = env == null ? Map.of() : env;
        pool = pool == null ? DEFAULT_POOL : pool;
        labels = labels == null ? List.of() : labels;
        priority = priority == null ? DEFAULT_PRIORITY : priority;
    }

    public static JobSpec shell(String command) {
        return new JobSpec(null, command, null, null, null, null, null, null, null, null, null);
    }

    /** This spec with the key a client sent in the {@code Idempotency-Key} header instead of the body. */
    public JobSpec withIdempotencyKey(String key) {
        return new JobSpec(kind, command, env, pool, labels, priority, timeoutSeconds, maxAttempts, retryOnExitCodes,
                retryBackoffSeconds, key);
    }
}
