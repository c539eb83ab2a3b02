package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

class StopSignalsTest {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final StopSignals signals = new StopSignals(new StopSignals.Actions() {
        @Override
        public void stop(boolean againStopsNow) {
            done.add("stop, again stops now: " + againStopsNow);
        }

        @Override
        public void stopNow() {
            done.add("stop now");
        }
    });

    @Test
    void theFirstSignalStopsTheSecondStopsNowLaterOnesNothing() {
        signals.received();
        await().atMost(Duration.ofSeconds(2)).until(() -> done.size() == 1);
        signals.received();
        signals.received();

        await().atMost(Duration.ofSeconds(2)).until(() -> done.size() == 2);
        await().during(Duration.ofMillis(200)).until(() -> done.size() == 2);
        assertThat(done).containsExactly("stop, again stops now: true", "stop now");
    }

    @Test
    void handlesARealSigtermAndRestoresTheJvmsHandlingWhenClosed() {
        try {
            assertThat(signals.install()).isTrue();

            Signal.raise(new Signal("TERM"));

            await().atMost(Duration.ofSeconds(2)).until(() -> done.size() == 1);
            assertThat(done).containsExactly("stop, again stops now: true");
        } finally {
            signals.close(); // from now on SIGTERM would end this JVM again
        }
    }
}
