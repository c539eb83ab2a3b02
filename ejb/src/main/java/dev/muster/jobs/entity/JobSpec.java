package dev.muster.jobs.entity;

import dev.muster.platform.Refused;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * What a client asks to run: the submission contract, validated where it enters (REST, JMS) and shaped like the
 * JSON body of {@code POST /api/v1/jobs}. Absent optional fields take their defaults here.
 *
 * <p>A {@code shell} job runs {@code command}; a {@code js} job runs {@code script}, the source of a JavaScript
 * module whose default export is called with {@code input} (see {@link #requireWhatItsKindRuns}). Either may name a
 * {@code workspace}, an uploaded zip the worker unpacks into the job's directory before it runs.
 */
public record JobSpec(
        @Pattern(regexp = JobKind.PATTERN, message = JobKind.PATTERN_MESSAGE) String kind,
        @Size(max = COMMAND_MAX) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String command,
        @Size(max = 100) Map<@NotNull @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,127}", message = "must be an environment variable name") String,
                @NotNull @Size(max = 8192) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String> env,
        @Pattern(regexp = POOL_PATTERN, message = "must be 1-63 lowercase letters, digits, '-' or '_'") String pool,
        @Size(max = Labels.MAX) List<@NotNull @Pattern(regexp = Labels.PATTERN, message = "must be a label of letters, digits, '.', '_' or '-'") String> labels,
        @Min(0) @Max(9) Integer priority,
        @Min(1) @Max(7 * 24 * 3600) Integer timeoutSeconds,
        @Min(1) @Max(100) Integer maxAttempts,
        @Size(max = 32) List<@NotNull @Min(1) @Max(255) Integer> retryOnExitCodes,
        @Min(0) @Max(3600) Integer retryBackoffSeconds,
        @Size(min = 1, max = 200) @Pattern(regexp = IDEMPOTENCY_KEY, message = IDEMPOTENCY_KEY_MESSAGE) String idempotencyKey,
        @Size(max = SCRIPT_MAX) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String script,
        JsonValue input,
        @Size(min = 1, max = 36) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be the id of an uploaded workspace") String workspace) {

    public static final int COMMAND_MAX = 65_536;
    public static final int SCRIPT_MAX = 262_144;
    /** Characters of the input as JSON: it travels to the worker with every lease of the job. */
    public static final int INPUT_MAX = 1_048_576;
    /** PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 rather than a failed commit. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain the NUL character";
    public static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]+";
    public static final String IDEMPOTENCY_KEY_MESSAGE = "must be printable ASCII without spaces";
    public static final String POOL_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}";
    public static final String DEFAULT_POOL = "default";
    /** Where js jobs go unless they name a pool: where browser workers take work by default. */
    public static final String BROWSER_POOL = "browser";
    /** The JMS default priority, in the middle of 0..9. */
    public static final int DEFAULT_PRIORITY = 4;

    public JobSpec {
        kind = kind == null ? JobKind.SHELL : kind;
        input = input == JsonValue.NULL ? null : input;
        env = env == null ? Map.of() : env;
        pool = pool == null ? (JobKind.JS.equals(kind) ? BROWSER_POOL : DEFAULT_POOL) : pool;
        labels = labels == null ? List.of() : labels;
        priority = priority == null ? DEFAULT_PRIORITY : priority;
    }

    public static JobSpec shell(String command) {
        return new JobSpec(null, command, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static JobSpec js(String script, JsonValue input, String pool) {
        return new JobSpec(JobKind.JS, null, null, pool, null, null, null, null, null, null, null, script, input, null);
    }

    /**
     * Checks what Bean Validation cannot say field by field: a shell job needs {@code command}, a js job
     * {@code script}, and neither takes the other's fields.
     *
     * @throws Refused 400 naming the field at fault
     */
    public void requireWhatItsKindRuns() {
        if (JobKind.JS.equals(kind)) {
            require(script, "script", "is required for a js job: the source of a JavaScript module");
            refuse(command, "command", "is for shell jobs; a js job runs its script");
            refuse(env.isEmpty() ? null : env, "env", "is for shell jobs; pass a js job its values in input");
        } else {
            require(command, "command", "must not be blank");
            refuse(script, "script", "is for js jobs; a shell job runs its command");
            refuse(input, "input", "is for js jobs; a shell job takes env");
        }
        if (input != null && input.toString().length() > INPUT_MAX) {
            throw Refused.invalid("input", "must be at most " + INPUT_MAX + " characters as JSON");
        }
    }

    private static void require(String value, String field, String detail) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid(field, detail);
        }
    }

    private static void refuse(Object value, String field, String detail) {
        if (value != null) {
            throw Refused.invalid(field, detail);
        }
    }

    /** This spec with the key a client sent in the {@code Idempotency-Key} header instead of the body. */
    public JobSpec withIdempotencyKey(String key) {
        return new JobSpec(kind, command, env, pool, labels, priority, timeoutSeconds, maxAttempts, retryOnExitCodes,
                retryBackoffSeconds, key, script, input, workspace);
    }
}
