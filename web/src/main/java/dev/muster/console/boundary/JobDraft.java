package dev.muster.console.boundary;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobSpec;
import dev.muster.platform.Refused;
import dev.muster.jobs.entity.JobKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

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

    /** The job kinds the form offers: a shell command, or a JavaScript task for browser workers. */
    public static final List<String> KINDS = List.of(JobKind.SHELL, JobKind.JS);

    private String kind = JobKind.SHELL;
    private String command;
    private String script;
    /** The js job's input as JSON text; blank for none. */
    private String input;
    /** Blank: the kind's default pool (default for shell, browser for js). */
    private String pool;
    private String labels = "";
    private Integer priority = JobSpec.DEFAULT_PRIORITY;
    private Integer timeoutSeconds;
    private Integer maxAttempts;
    private String env = "";
    private List<Integer> retryOnExitCodes;
    private Integer retryBackoffSeconds;
    private Map<String, String> originalEnv = Map.of();
    /** Kept from the job a re-run starts from; the form cannot upload one. */
    private String workspace;

    public static JobDraft of(Job job) {
        JobDraft draft = new JobDraft();
        draft.kind = job.kind();
        draft.command = job.command();
        draft.script = job.script();
        draft.input = job.inputJson();
        draft.pool = job.pool();
        draft.labels = job.labels().canonical();
        draft.priority = job.priority();
        draft.timeoutSeconds = job.timeoutSeconds();
        draft.maxAttempts = job.retryPolicy().maxAttempts();
        draft.retryOnExitCodes = new ArrayList<>(job.retryPolicy().exitCodes());
        draft.retryBackoffSeconds = job.retryPolicy().backoffSeconds();
        draft.workspace = job.workspaceId();
        draft.originalEnv = envOf(job);
        StringBuilder lines = new StringBuilder();
        EnvMasking.masked(draft.originalEnv).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        draft.env = lines.toString();
        return draft;
    }

    /**
     * Only the fields of the chosen kind go into the spec, so switching kinds in the form leaves nothing behind.
     * @throws Refused 400 for an environment line that is not NAME=value, or input that is not JSON
     */
    public JobSpec toSpec() {
        List<String> labelList = Arrays.stream(labels == null ? new String[0] : labels.split("[,\\s]+"))
                .filter(label -> !label.isBlank()).toList();
        boolean js = JobKind.JS.equals(kind);
        return new JobSpec(kind, js ? null : command, js ? null : environment(),
                pool == null || pool.isBlank() ? null : pool.trim(), labelList, priority, timeoutSeconds, maxAttempts,
                retryOnExitCodes, retryBackoffSeconds, null, js ? script : null, js ? inputValue() : null, workspace);
    }

    private JsonValue inputValue() {
        if (input == null || input.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(input))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw Refused.invalid("input", "is not JSON: " + e.getMessage());
        }
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

    public String getScript() {
        return script;
    }

    public void setScript(String script) {
        this.script = script;
    }

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
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
