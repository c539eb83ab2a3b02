package dev.muster.console.boundary;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Refused;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as the submit form edits it: plain text fields, turned into a {@link JobSpec} on submit. Made from an
 * existing job for "retry" and "re-run with changes"; its secret environment values are then shown masked and a
 * value left masked keeps the original, so re-running never puts a secret on the screen.
 */
public class JobDraft implements Serializable {

    /** The job kinds the form offers; issue 5 adds "js" (a JavaScript task) and its fields. */
    public static final List<String> KINDS = List.of("shell");

    private String kind = "shell";
    private String command;
    private String pool = JobSpec.DEFAULT_POOL;
    private String labels = "";
    private Integer priority = JobSpec.DEFAULT_PRIORITY;
    private Integer timeoutSeconds;
    private Integer maxAttempts;
    private String env = "";
    private List<Integer> retryOnExitCodes;
    private Integer retryBackoffSeconds;
    private Map<String, String> originalEnv = Map.of();

    public static JobDraft of(Job job) {
        JobDraft draft = new JobDraft();
        draft.kind = job.kind();
        draft.command = job.command();
        draft.pool = job.pool();
        draft.labels = job.labels().canonical();
        draft.priority = job.priority();
        draft.timeoutSeconds = job.timeoutSeconds();
        draft.maxAttempts = job.retryPolicy().maxAttempts();
        draft.retryOnExitCodes = new ArrayList<>(job.retryPolicy().exitCodes());
        draft.retryBackoffSeconds = job.retryPolicy().backoffSeconds();
        draft.originalEnv = envOf(job);
        StringBuilder lines = new StringBuilder();
        EnvMasking.masked(draft.originalEnv).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        draft.env = lines.toString();
        return draft;
    }

    /** @throws Refused 400 for an environment line that is not NAME=value */
    public JobSpec toSpec() {
        List<String> labelList = Arrays.stream(labels == null ? new String[0] : labels.split("[,\\s]+"))
                .filter(label -> !label.isBlank()).toList();
        return new JobSpec(kind, command, environment(), pool == null || pool.isBlank() ? null : pool.trim(),
                labelList, priority, timeoutSeconds, maxAttempts, retryOnExitCodes, retryBackoffSeconds, null);
    }

    private Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : (env == null ? "" : env).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw Refused.invalid("env", "\"" + line.strip() + "\" is not NAME=value");
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1);
            variables.put(name, EnvMasking.MASK.equals(value) && originalEnv.containsKey(name) ? originalEnv.get(name) : value);
        }
        return variables;
    }

    /** The job's environment, as submitted. */
    public static Map<String, String> envOf(Job job) {
        Map<String, String> env = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(job.envJson() == null ? "{}" : job.envJson()))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> env.put(name, ((JsonString) value).getString()));
        }
        return env;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(Integer timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getEnv() {
        return env;
    }

    public void setEnv(String env) {
        this.env = env;
    }
}
