package dev.muster.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * What one chaos run does, from system properties ({@code -Dchaos.jobs=10000 -Dchaos.scenarios=server-kill,worker-kill
 * -Dchaos.seed=42}). The jobs are split evenly over the scenarios, which run one after the other.
 *
 * @param faultsPerScenario how many times each scenario's fault is injected while its jobs run
 * @param submitRate        jobs submitted per second (a phase's submissions take at least {@code minSubmitWindow})
 * @param leaseSeconds      the lease of pool {@value Workload#POOL}; short, so lost workers are noticed quickly
 * @param servers           Payara Micro instances, started together against the same database and broker
 * @param broker            Artemis embedded in this JVM, or the standalone distribution in {@code artemisHome} run
 *                          with {@code brokerXml} (server-config/artemis/broker.xml)
 */
record ChaosSettings(int jobs, List<Scenario> scenarios, long seed, int faultsPerScenario, int workers, int slots,
                     double submitRate, Duration minSubmitWindow, Duration phaseDrainTimeout, int leaseSeconds,
                     int servers, Broker.Kind broker, Path bundle, Path workerJar, Path artemisHome, Path brokerXml,
                     Path workDir, Path report) {

    static ChaosSettings from(Properties properties) {
        Source source = new Source(properties);
        String seed = source.get("chaos.seed", "");
        int servers = source.integer("chaos.servers", 1);
        if (servers < 1) {
            throw new IllegalArgumentException("chaos.servers must be at least 1, got: " + servers);
        }
        return new ChaosSettings(
                source.integer("chaos.jobs", 10_000),
                Scenario.parse(source.get("chaos.scenarios", "all"), servers),
                seed.isEmpty() ? new Random().nextLong() : Long.parseLong(seed),
                source.integer("chaos.faults", 3),
                source.integer("chaos.workers", 3),
                source.integer("chaos.slots", 3),
                Double.parseDouble(source.get("chaos.submitRate", "20")),
                Duration.ofSeconds(source.integer("chaos.minSubmitSeconds", 20)),
                Duration.ofMinutes(source.integer("chaos.drainMinutes", 10)),
                source.integer("chaos.leaseSeconds", 4),
                servers,
                Broker.Kind.parse(source.get("chaos.broker", "embedded")),
                Path.of(source.get("chaos.bundle", "server-config/launcher/target/muster-server")).toAbsolutePath(),
                Path.of(source.get("chaos.workerJar", "worker-client/target/muster.jar")).toAbsolutePath(),
                Path.of(source.get("chaos.artemisHome", "bench/chaos/target/artemis/apache-artemis-2.56.0")).toAbsolutePath(),
                Path.of(source.get("chaos.brokerXml", "server-config/artemis/broker.xml")).toAbsolutePath(),
                Path.of(source.get("chaos.workDir", "target/chaos")).toAbsolutePath(),
                Path.of(source.get("chaos.report", "target/chaos-report.json")).toAbsolutePath());
    }

    int jobsPerScenario() {
        return Math.max(1, jobs / scenarios.size());
    }

    /** How long a phase spreads its submissions: long enough that faults land in the middle of the traffic. */
    Duration submitWindow() {
        Duration byRate = Duration.ofMillis((long) (jobsPerScenario() * 1000 / submitRate));
        return byRate.compareTo(minSubmitWindow) > 0 ? byRate : minSubmitWindow;
    }

    String describe() {
        return "jobs=" + jobs + " scenarios=" + String.join(",", scenarios.stream().map(Scenario::id).toList())
                + " seed=" + seed + " faults/scenario=" + faultsPerScenario + " workers=" + workers + "x" + slots
                + " submitRate=" + submitRate + "/s lease=" + leaseSeconds + "s servers=" + servers
                + " broker=" + broker.name().toLowerCase(java.util.Locale.ROOT);
    }

    private record Source(Properties properties) {
        String get(String key, String fallback) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String key, int fallback) {
            String value = get(key, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, got: " + value);
            }
        }
    }
}
