package dev.muster.chaos;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run of the test suite: a few hundred jobs, every scenario once, against the built
 * bundle and real worker processes. {@code -Dchaos.*} on the Maven command line overrides these settings (e.g. {@code -Dchaos.seed=…}
 * to replay a failed run, printed at its start).
 */
class ChaosIT {

    private static final Map<String, String> SHORT_RUN = Map.of(
            "chaos.jobs", "240",
            "chaos.scenarios", "worker-kill,worker-stop,term-ignoring-job,server-kill,database-restart,broker-restart",
            "chaos.faults", "1",
            "chaos.workers", "3",
            "chaos.slots", "3",
            "chaos.minSubmitSeconds", "15",
            "chaos.drainMinutes", "2");

    @Test
    void everyScenarioOnceBreaksNoInvariant() throws Exception {
        Properties settings = new Properties();
        settings.putAll(SHORT_RUN);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("chaos."))
                .forEach(name -> settings.setProperty(name, System.getProperty(name)));

        Report report = new ChaosRun(ChaosSettings.from(settings), System.out).run();

        assertThat(report.violations()).as("violations of the chaos run (seed %d, report %s):%n%s", report.settings().seed(),
                report.settings().report(), report.violations().stream().limit(20).map(Violation::toString)
                        .collect(Collectors.joining("\n"))).isEmpty();
    }
}
