package dev.muster.jobs.boundary;

import dev.muster.platform.Refused;

/**
 * Whole-number query parameters, parsed here rather than by the runtime: JAX-RS answers an unparsable
 * {@code @QueryParam int} with a bare 404, which names nothing.
 */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw Refused.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
