package dev.muster.security.entity;

/**
 * Who is making a request, once recognised.
 *
 * @param kind how they proved it
 * @param id   the user's name, the token's or enrolment's id, or the worker's id
 * @param name what the console and a job's submitter show: the user's name, {@code token:<name>}, the worker's id
 * @param role what a user or API token may do; null for workers and enrolments, which may do only their own part
 *             of the worker protocol
 */
public record Caller(Kind kind, String id, String name, Role role) {

    public enum Kind { USER, API_TOKEN, ENROLMENT, WORKER }

    public boolean mayAct(Role least) {
        return role != null && role.includes(least);
    }
}
