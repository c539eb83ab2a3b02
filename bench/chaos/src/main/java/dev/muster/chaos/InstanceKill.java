package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SIGKILL of one of several Payara Micro instances: the workers that preferred it must fail over to the others —
 * their running attempts keep going, their heartbeats, logs and results go elsewhere — and jobs queued meanwhile must
 * still run. The fault counts as recovered once the other instances are ready and every live worker has called in
 * after the kill (a lease request or heartbeat, which only a surviving instance can have taken). The instance stays
 * dead: nothing it had in flight may depend on its coming back (no transaction spans the database and the broker, and
 * any instance relays another's outbox). With fewer than two live instances it does nothing and says so.
 */
final class InstanceKill implements Fault {

    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        Instances instances = context.cluster().instances();
        List<ServerProcess> alive = instances.alive();
        Instant start = Instant.now();
        if (alive.size() < 2) {
            context.log().accept("instance-kill: only " + alive.size() + " instance(s) alive; nothing killed");
            return FaultRecord.of(context.scenario(), "no instance killed", start, "only " + alive.size() + " alive");
        }
        ServerProcess victim = alive.get(context.random().nextInt(alive.size()));
        victim.kill();
        Instant killed = Instant.now();
        context.log().accept("instance-kill: " + victim.name() + " killed (SIGKILL); "
                + (alive.size() - 1) + " instance(s) left");
        boolean ready = instances.awaitReady(RECOVERY_LIMIT);
        List<String> workers = context.cluster().workers().alive().stream().map(WorkerProcesses.Worker::name).toList();
        Map<String, Duration> failover = FailoverWatch.firstCallAfter(context.cluster().database(), killed, workers,
                RECOVERY_LIMIT);
        String detail = "workers calling in after the kill: " + workers.stream()
                .map(w -> w + " " + (failover.containsKey(w) ? failover.get(w).toMillis() + " ms" : "never"))
                .collect(Collectors.joining(", "));
        context.log().accept("instance-kill: " + detail);
        return new FaultRecord(context.scenario(), "instance " + victim.name() + " killed", start, Instant.now(),
                List.of(), ready && failover.keySet().containsAll(workers), detail);
    }
}
