package dev.muster.console.boundary;

import java.time.Duration;
import java.time.Instant;

/** "3 min ago" and "1 min 20 s": times as an operator glances at them. */
public final class RelativeTime {

    private RelativeTime() {
    }

    /** How long before {@code now} {@code then} was; empty when there is no time. */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        Duration age = Duration.between(then, now);
        if (age.toSeconds() < 5) {
            return "just now";
        }
        return coarse(age) + " ago";
    }

    /** From {@code start} to {@code end}, or to {@code now} while it has not ended; empty before it started. */
    public static String duration(Instant start, Instant end, Instant now) {
        if (start == null) {
            return "";
        }
        Duration length = Duration.between(start, end == null ? now : end);
        if (length.isNegative()) {
            return "0 s";
        }
        if (length.toSeconds() < 1) {
            return length.toMillis() + " ms";
        }
        return fine(length);
    }

    /** One unit, rounded down: enough to tell a minute from an hour at a glance. */
    static String coarse(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return age.toMinutes() + " min";
        }
        if (seconds < 86_400) {
            return age.toHours() + " h";
        }
        return age.toDays() + " d";
    }

    /** Two units, for durations people compare. */
    static String fine(Duration length) {
        long seconds = length.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return length.toMinutes() + " min " + length.toSecondsPart() + " s";
        }
        if (seconds < 86_400) {
            return length.toHours() + " h " + length.toMinutesPart() + " min";
        }
        return length.toDays() + " d " + length.toHoursPart() + " h";
    }
}
