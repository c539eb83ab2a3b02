package dev.muster.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production topology under load, with real processes only: the standalone Artemis distribution running
 * server-config/artemis/broker.xml, PostgreSQL, two Payara Micro instances started at the same time on the fresh
 * database (both migrate it at start: the run stops unless Flyway's history lists each migration once), three worker
 * processes spread over the instances, 2,000 jobs of the chaos mix (no-ops, logs with known content, failures,
 * retries, sleeps, timeouts) submitted across both instances. One instance is killed with SIGKILL in the middle and
 * stays dead (see {@link InstanceKill}). The checker then demands
 * what it demands of every chaos run: each job in exactly one terminal state
 * with its complete log, nothing lost, nothing run twice into a second outcome — and (rule r) the surviving instance
 * ready and every worker calling in through it.
 *
 * <p>{@code -Dscaleout.<key>=…} overrides {@code chaos.<key>} for this test only (e.g. {@code -Dscaleout.seed=…},
 * printed at the start, to replay a run); {@code -Dchaos.*} is left to {@link ChaosIT}.
 */
class ScaleOutIT {

    private static final Map<String, String> SCALE_OUT = Map.ofEntries(
            Map.entry("chaos.jobs", "2000"),
            Map.entry("chaos.scenarios", "instance-kill"),
            Map.entry("chaos.faults", "1"),
            Map.entry("chaos.servers", "2"),
            Map.entry("chaos.broker", "standalone"),
            Map.entry("chaos.workers", "3"),
            Map.entry("chaos.slots", "4"),
            Map.entry("chaos.submitRate", "20"),
            Map.entry("chaos.drainMinutes", "3"));
    /** Where things are, set by the build (failsafe's systemPropertyVariables). */
    private static final Set<String> FROM_BUILD = Set.of("chaos.bundle", "chaos.workerJar", "chaos.artemisHome",
            "chaos.brokerXml", "chaos.workDir");

    @Test
    void twoInstancesOnOneDatabaseAndBrokerLoseNothing() throws Exception {
        Properties settings = new Properties();
        settings.putAll(SCALE_OUT);
        FROM_BUILD.stream().filter(key -> System.getProperty(key) != null)
                .forEach(key -> settings.setProperty(key, System.getProperty(key)));
        settings.setProperty("chaos.report", Path.of(System.getProperty("chaos.workDir", "target/chaos"))
                .resolveSibling("scale-out-report.json").toString());
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("scaleout."))
                .forEach(name -> settings.setProperty("chaos." + name.substring("scaleout.".length()), System.getProperty(name)));

        Report report = new ChaosRun(ChaosSettings.from(settings), System.out).run();

        assertThat(report.lines()).as("the instance-kill phase ran").hasSize(1);
        assertThat(report.violations()).as("violations of the scale-out run (seed %d, report %s):%n%s", report.settings().seed(),
                report.settings().report(), report.violations().stream().limit(20).map(Violation::toString)
                        .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(report.passed()).isTrue();
    }
}
