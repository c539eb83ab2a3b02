package dev.muster.jobs.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of labels in canonical form (sorted, comma-joined), so the same set is always the same string: a job's
 * required labels are matched against a worker's by comparing canonical strings.
 */
public record Labels(SortedSet<String> values) {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";
    /** A worker's label set is matched through its subsets (2^MAX of them), so both sides stay small. */
    public static final int MAX = 8;
    public static final Labels NONE = new Labels(new TreeSet<>());

    public Labels {
        values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    public static Labels of(Collection<String> labels) {
        return labels == null ? NONE : new Labels(new TreeSet<>(labels));
    }

    public static Labels parse(String canonical) {
        return canonical == null || canonical.isEmpty() ? NONE : of(List.of(canonical.split(",")));
    }

    public String canonical() {
        return String.join(",", values);
    }

    /** Every subset, in canonical form: the label sets of the jobs a worker with these labels may run. */
    public List<String> subsets() {
        List<String> all = new ArrayList<>();
        all.add("");
        for (String label : values) {
            int size = all.size();
            for (int i = 0; i < size; i++) {
                String prefix = all.get(i);
                all.add(prefix.isEmpty() ? label : prefix + "," + label);
            }
        }
        return all;
    }

    public List<String> asList() {
        return List.copyOf(values);
    }
}
