package dev.muster.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time a benchmark step cost, per group of processes (an instance, the broker, PostgreSQL, the workers), and how
 * busy the whole machine was meanwhile — other people's builds included, which is why it is worth printing next to
 * a throughput figure. Linux only (/proc/stat). Processes that ended during the step take their CPU time with them.
 */
final class CpuUsage {

    private final Map<String, Supplier<List<ProcessHandle>>> groups;
    private final Map<Long, Duration> cpuAtStart = new HashMap<>();
    private final long[] machineAtStart;

    /** Starts measuring; {@code groups} are asked for their processes now and again at {@link #stop}. */
    CpuUsage(Map<String, Supplier<List<ProcessHandle>>> groups) {
        this.groups = new LinkedHashMap<>(groups);
        this.groups.values().forEach(group -> group.get().forEach(p -> cpuAtStart.put(p.pid(), cpu(p))));
        this.machineAtStart = machine();
    }

    /** E.g. "CPU s: server-1 41.2, broker 6.0, …; machine 98 % busy (2 cores)". */
    String stop() {
        long[] machine = machine();
        String perGroup = groups.entrySet().stream().map(group -> String.format("%s %.1f", group.getKey(),
                        group.getValue().get().stream().mapToLong(p -> cpu(p).minus(cpuAtStart.getOrDefault(p.pid(), Duration.ZERO))
                                .toMillis()).sum() / 1000.0))
                .collect(Collectors.joining(", "));
        long busy = machine[0] - machineAtStart[0];
        long total = machine[1] - machineAtStart[1];
        return "CPU s: " + perGroup + String.format("; machine %.0f %% busy (%d cores)",
                total == 0 ? 0.0 : 100.0 * busy / total, Runtime.getRuntime().availableProcessors());
    }

    /**
     * PostgreSQL: the postmaster whose command line names {@code dataDir} (pg_ctl detaches it from this JVM, so it is
     * looked up among all processes) and the backends it forked.
     */
    static List<ProcessHandle> postgres(Path dataDir) {
        String marker = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(marker)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .toList();
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Busy and total jiffies of all CPUs since boot. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already counted in user
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
