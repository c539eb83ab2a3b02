package dev.muster.chaos;

import dev.muster.embedded.EmbeddedDatabase;
import dev.muster.embedded.FreePort;
import dev.muster.embedded.MicroCommands;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The Payara Micro instances of a run, all against the same PostgreSQL and broker, each with its own HTTP port,
 * directory and transaction log (a transaction log belongs to one instance). They are the production topology's
 * "N instances": nothing but the database and the broker is shared.
 */
final class Instances implements AutoCloseable {

    /** All instances share one PostgreSQL whose max_connections is 200 (EmbeddedDatabase); the harness needs a few. */
    private static final int SERVER_CONNECTIONS = 160;
    private static final int MAX_POOL = 32;

    private final List<ServerProcess> servers;

    private Instances(List<ServerProcess> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Prepares {@code count} instances (none started yet) named {@code server-1…}; for one instance the directory is
     * plain {@code server}, as before there were several.
     */
    static Instances prepare(int count, Path runtime, Path runDir, Database database, Broker broker, String javaOptions,
                             Consumer<String> log, ProcessLedger ledger) throws IOException {
        MicroCommands.CommandFiles commands = MicroCommands.writeTo(runDir.resolve("run"));
        int poolSize = Math.min(MAX_POOL, SERVER_CONNECTIONS / count);
        Set<Integer> ports = new HashSet<>();
        List<ServerProcess> servers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? "server" : "server-" + i;
            Path dir = Files.createDirectories(runDir.resolve(name));
            MicroCommands micro = new MicroCommands("127.0.0.1", dir.resolve("txlog"),
                    new MicroCommands.Database(database.jdbcUrl(), EmbeddedDatabase.USER, "postgres", poolSize),
                    broker.url(), Broker.USER, broker.password(), runtime.resolve("muster-artemis.rar"),
                    new MicroCommands.Management("127.0.0.1", distinctPort(ports)));
            int port = distinctPort(ports);
            servers.add(new ServerProcess(name, runtime, dir, port, commands,
                    javaOptions + " " + String.join(" ", micro.jvmOptions()), withCredentials(micro.environment()), log, ledger));
        }
        return new Instances(servers);
    }

    /**
     * Starts every instance at the same time (so they race for the fresh database's migrations, as a deployment of
     * N instances does) and waits until all are ready. Fails with the first instance that did not come up.
     */
    void startAll() throws IOException {
        List<CompletableFuture<Void>> starts = servers.stream().map(server -> onOwnThread(() -> {
            try {
                server.start();
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("an instance did not start", e.getCause());
        }
    }

    List<ServerProcess> all() {
        return servers;
    }

    ServerProcess get(int index) {
        return servers.get(index);
    }

    List<ServerProcess> alive() {
        return servers.stream().filter(ServerProcess::isAlive).toList();
    }

    List<URI> bases() {
        return servers.stream().map(ServerProcess::base).toList();
    }

    List<Path> logs() {
        return servers.stream().map(ServerProcess::log).toList();
    }

    /** Polls until every instance still alive reports ready, or {@code limit} passed; true when all did. */
    boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ServerProcess server : alive()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!new MusterApi(List.of(server.base())).awaitReady(left)) {
                return false;
            }
        }
        return true;
    }

    /** SIGTERM to all at once (each undeploys in its own time), SIGKILL to any that takes longer than 30 s. */
    @Override
    public void close() {
        CompletableFuture.allOf(servers.stream().map(server -> onOwnThread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).toArray(CompletableFuture[]::new)).join();
    }

    /** Not the common pool: on two cores it has one thread, and the instances would start one after the other. */
    private static CompletableFuture<Void> onOwnThread(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "chaos-instance");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** A free port none of this run's instances uses yet (HTTP and management ports alike). */
    private static int distinctPort(Set<Integer> taken) {
        int port = FreePort.pick();
        while (!taken.add(port)) {
            port = FreePort.pick();
        }
        return port;
    }

    private static java.util.Map<String, String> withCredentials(java.util.Map<String, String> environment) {
        java.util.Map<String, String> all = new java.util.HashMap<>(environment);
        all.putAll(ChaosCredentials.serverEnvironment());
        return all;
    }
}
