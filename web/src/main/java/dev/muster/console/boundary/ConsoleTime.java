package dev.muster.console.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times for the pages, relative to the server's clock ({@code #{consoleTime.ago(job.submittedAt())}}). */
@Named
@ApplicationScoped
public class ConsoleTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    public String ago(Instant then) {
        return RelativeTime.ago(then, clock.instant());
    }

    public String duration(Instant start, Instant end) {
        return RelativeTime.duration(start, end, clock.instant());
    }

    /** The exact time, for a tooltip next to the relative one. */
    public String exact(Instant time) {
        return time == null ? "" : EXACT.format(time);
    }
}
