package dev.muster.console.control;

import dev.muster.jobs.entity.JobState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the console's jobs table is narrowed to; null or blank fields do not filter. Turned into a JPQL condition
 * built per filter, with only the parameters it uses: PostgreSQL cannot type a null parameter in
 * {@code (:p is null or …)}, and a fixed-shape condition would defeat its indexes.
 */
public record JobFilter(JobState state, String pool, String label, String submitter, String text) {

    public static final JobFilter NONE = new JobFilter(null, null, null, null, null);

    public JobFilter {
        pool = trimmed(pool);
        label = trimmed(label);
        submitter = trimmed(submitter);
        text = trimmed(text);
    }

    /** The condition on alias {@code j}, starting with " where", and its parameters. */
    public Condition condition() {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (state != null) {
            where.append(" and j.state = :state");
            parameters.put("state", state);
        }
        if (pool != null) {
            where.append(" and j.pool = :pool");
            parameters.put("pool", pool);
        }
        if (label != null) {
            // Labels are stored sorted and comma-joined: a whole label sits between two commas once both ends get one.
            where.append(" and concat(',', j.labels, ',') like :label");
            parameters.put("label", "%," + escapeLike(label) + ",%");
        }
        if (submitter != null) {
            where.append(" and j.submitter = :submitter");
            parameters.put("submitter", submitter);
        }
        if (text != null) {
            where.append(" and lower(j.command) like :text");
            parameters.put("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        }
        return new Condition(where.toString(), parameters);
    }

    /** The JPQL default escape character is '\': a user's "%" or "_" matches itself. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record Condition(String jpql, Map<String, Object> parameters) {
    }
}
