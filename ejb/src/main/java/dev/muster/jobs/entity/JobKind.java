package dev.muster.jobs.entity;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The kinds of job there are, and the comma-separated form a worker's set of them takes in the database and on the
 * dispatch queue's selector. Kinds are plain names (see {@link #PATTERN}), so the form needs no escaping.
 */
public final class JobKind {

    public static final String SHELL = "shell";
    public static final String JS = "js";
    public static final String PATTERN = "shell|js";
    public static final String PATTERN_MESSAGE = "must be \"shell\" or \"js\"";

    private JobKind() {
    }

    public static String canonical(Collection<String> kinds) {
        return String.join(",", new TreeSet<>(kinds));
    }

    public static List<String> parse(String canonical) {
        return canonical == null || canonical.isEmpty() ? List.of() : List.of(canonical.split(","));
    }
}
