package dev.muster.console.control;

import java.util.Map;

/**
 * How the jobs table is sorted: only by columns an index leads with or that break ties cheaply, so a sorted page
 * never sorts the whole table. Unknown columns fall back to newest first.
 */
public record JobOrder(String field, boolean ascending) {

    private static final Map<String, String> COLUMNS = Map.of(
            "submittedAt", "j.submittedAt",
            "finishedAt", "j.finishedAt",
            "state", "j.state",
            "pool", "j.pool",
            "priority", "j.priority");

    /** Declared after the columns it is checked against. */
    public static final JobOrder NEWEST_FIRST = new JobOrder("submittedAt", false);

    public JobOrder {
        if (field == null || !COLUMNS.containsKey(field)) {
            field = "submittedAt";
            ascending = false;
        }
    }

    /** The JPQL order clause, ending with the id so that pages stay stable. */
    public String jpql() {
        String direction = ascending ? " asc" : " desc";
        String tieBreak = "submittedAt".equals(field) ? "" : ", j.submittedAt desc";
        return " order by " + COLUMNS.get(field) + direction + tieBreak + ", j.id";
    }
}
