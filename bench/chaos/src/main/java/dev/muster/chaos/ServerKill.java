package dev.muster.chaos;

import java.time.Instant;
import java.util.List;

/**
 * kill -9 of Payara Micro in the middle of submit, lease, heartbeat, log and complete traffic; then a restart on the
 * same port. With several instances, one of those alive, chosen at random.
 */
final class ServerKill implements Fault {

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        List<ServerProcess> alive = context.cluster().instances().alive();
        if (alive.isEmpty()) {
            throw new IllegalStateException("no instance is alive");
        }
        // One instance: no draw, so that seeds of runs from before there were several replay the same.
        ServerProcess server = alive.size() == 1 ? alive.get(0) : alive.get(context.random().nextInt(alive.size()));
        Instant start = Instant.now();
        server.kill();
        context.log().accept("server-kill: " + server.name() + " killed (SIGKILL), restarting on " + server.base());
        server.start();
        return FaultRecord.of(context.scenario(), server.name() + " killed and restarted", start, "");
    }
}
