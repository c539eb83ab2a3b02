package dev.muster.security.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person or an API token may do, least first: each role includes everything the roles before it may do, so
 * an endpoint names only the least role it needs.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public static final String NAMES = Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.wire().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be one of " + NAMES);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** As it is written in the API, the database and {@code @RolesAllowed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
