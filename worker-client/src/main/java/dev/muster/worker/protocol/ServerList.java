package dev.muster.worker.protocol;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servers of one Muster installation, in order of preference. Calls go to the current one; when it fails
 * the list moves on to the next, and stays there while it works (no flapping back to the first).
 */
public final class ServerList {

    private final List<URI> servers;
    private final AtomicInteger current = new AtomicInteger();

    public ServerList(List<URI> servers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server URL is needed");
        }
        this.servers = servers.stream().map(ServerList::withoutTrailingSlash).toList();
    }

    public URI current() {
        return servers.get(Math.floorMod(current.get(), servers.size()));
    }

    /** Moves on from {@code failed}, unless another thread already did. */
    public void failedOver(URI failed) {
        int index = current.get();
        if (servers.get(Math.floorMod(index, servers.size())).equals(failed)) {
            current.compareAndSet(index, index + 1);
        }
    }

    public URI resolve(URI server, String pathAndQuery) {
        return URI.create(server + pathAndQuery);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
