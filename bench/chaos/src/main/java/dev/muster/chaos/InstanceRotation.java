package dev.muster.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which instance the harness's next API call goes to: round robin over all, so submissions and reads spread across
 * instances as a load balancer would spread them, skipping for a few seconds an instance whose last call failed (dead,
 * restarting, its backends away), so that calls fail over to the others instead of hitting a dead instance every
 * other time. When every instance is being skipped, the rotation goes on regardless: one of them may be back.
 */
final class InstanceRotation {

    private static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(5);

    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<URI, Long> skipUntil = new ConcurrentHashMap<>();

    /** @param instances base URLs without a path ({@code http://host:port}), as a failed call names them */
    InstanceRotation(List<URI> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no instance to call");
        }
        this.instances = List.copyOf(instances);
    }

    URI next() {
        long now = System.nanoTime();
        for (int i = 0; i < instances.size(); i++) {
            URI candidate = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            if (skipUntil.getOrDefault(candidate, now) - now <= 0) {
                return candidate;
            }
        }
        return instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
    }

    void failed(URI instance) {
        skipUntil.put(instance, System.nanoTime() + SKIP_AFTER_FAILURE.toNanos());
    }

    List<URI> all() {
        return instances;
    }
}
