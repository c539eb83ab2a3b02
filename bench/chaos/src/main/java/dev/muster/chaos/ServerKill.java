package dev.muster.chaos;

import java.time.Instant;

/** kill -9 of Payara Micro in the middle of submit, lease, heartbeat, log and complete traffic; then a restart on the same port. */
final class ServerKill implements Fault {

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        ServerProcess server = context.cluster().server();
        Instant start = Instant.now();
        server.kill();
        context.log().accept("server-kill: Payara Micro killed (SIGKILL), restarting on " + server.base());
        server.start();
        return FaultRecord.of(context.scenario(), "server killed and restarted", start, "");
    }
}
