package dev.muster.console.boundary;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void agoUsesOneUnitRoundedDown() {
        assertThat(RelativeTime.ago(NOW.minusSeconds(2), NOW)).isEqualTo("just now");
        assertThat(RelativeTime.ago(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(3 * 60 + 59), NOW)).isEqualTo("3 min ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(5 * 3600 + 10), NOW)).isEqualTo("5 h ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(3 * 86_400), NOW)).isEqualTo("3 d ago");
        assertThat(RelativeTime.ago(null, NOW)).isEmpty();
    }

    @Test
    void durationUsesTwoUnitsAndRunsOnWhileNotEnded() {
        assertThat(RelativeTime.duration(NOW, NOW.plusMillis(250), NOW)).isEqualTo("250 ms");
        assertThat(RelativeTime.duration(NOW, NOW.plusSeconds(12), NOW)).isEqualTo("12 s");
        assertThat(RelativeTime.duration(NOW, NOW.plusSeconds(125), NOW)).isEqualTo("2 min 5 s");
        assertThat(RelativeTime.duration(NOW, NOW.plusSeconds(2 * 3600 + 300), NOW)).isEqualTo("2 h 5 min");
        assertThat(RelativeTime.duration(NOW.minusSeconds(90), null, NOW)).isEqualTo("1 min 30 s");
        assertThat(RelativeTime.duration(null, null, NOW)).isEmpty();
    }
}
