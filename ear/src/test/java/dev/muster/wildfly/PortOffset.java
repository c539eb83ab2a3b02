package dev.muster.wildfly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A {@code jboss.socket.binding.port-offset} under which every port standalone-full.xml binds is free on loopback:
 * other services on the machine may hold the defaults (or some of the shifted ones).
 */
final class PortOffset {

    static final int HTTP = 8080;
    static final int MANAGEMENT = 9990;
    /** http, https, management http/https, transaction recovery and status, IIOP and IIOP/SSL, AJP. */
    private static final int[] PORTS = {HTTP, 8443, MANAGEMENT, 9993, 4712, 4713, 3528, 3529, 8009};

    private PortOffset() {
    }

    static int pickFree() {
        for (int tries = 0; tries < 50; tries++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 2000) * 10;
            if (IntStream.of(PORTS).allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with all of WildFly's ports free on loopback");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
