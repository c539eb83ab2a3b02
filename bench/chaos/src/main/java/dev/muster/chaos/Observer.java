package dev.muster.chaos;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples job states through the API while the run goes on, from one thread so that its observations of a job are in
 * the order the server answered them: each tick reads one page of the pool's jobs (cycling through the pages) and a
 * few random accepted jobs one by one. Notes a job that left a terminal state, whose attempt count went down, or
 * whose {@code finishedAt} disagrees with its state. Failed reads (the server is down) are skipped.
 */
final class Observer implements AutoCloseable {

    private static final int PAGE_SIZE = 200;
    private static final int SINGLES_PER_TICK = 10;
    private static final int MAX_ANOMALIES = 1000;

    private final MusterApi api;
    private final Ledger ledger;
    private final Random random;
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();
    private final List<StateAnomaly> anomalies = new ArrayList<>();
    private final AtomicLong observations = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private int nextPage;

    /** A job's state as one answer showed it. */
    private record Seen(String state, int attempts) {
    }

    /** Something the API showed that a correct server never shows. */
    record StateAnomaly(String jobId, String message) {
    }

    Observer(MusterApi api, Ledger ledger, Random random) {
        this.api = api;
        this.ledger = ledger;
        this.random = random;
        this.thread = new Thread(this::loop, "chaos-observer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                tick();
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void tick() throws InterruptedException {
        try {
            JsonObject page = api.page(Workload.POOL, nextPage, PAGE_SIZE);
            page.getJsonArray("items").forEach(item -> observe(item.asJsonObject()));
            long total = page.getJsonNumber("total").longValue();
            nextPage = (nextPage + 1) * (long) PAGE_SIZE >= total ? 0 : nextPage + 1;
        } catch (IOException | RuntimeException serverAway) {
            // sampled again next tick
        }
        List<String> ids = ledger.acceptedIds();
        for (int i = 0; i < SINGLES_PER_TICK && !ids.isEmpty(); i++) {
            try {
                observe(api.job(ids.get(random.nextInt(ids.size()))));
            } catch (IOException | RuntimeException serverAway) {
                return;
            }
        }
    }

    void observe(JsonObject job) {
        observations.incrementAndGet();
        String id = job.getString("id");
        String state = job.getString("state");
        int attempts = job.getInt("attempts", 0);
        boolean terminal = Snapshot.TERMINAL.contains(state);
        boolean finished = job.containsKey("finishedAt") && job.get("finishedAt").getValueType() != JsonValue.ValueType.NULL;
        if (terminal != finished) {
            note(id, (terminal ? "terminal " + state + " without finishedAt" : state + " with finishedAt " + job.get("finishedAt")));
        }
        Seen before = lastSeen.put(id, new Seen(state, attempts));
        if (before == null) {
            return;
        }
        if (Snapshot.TERMINAL.contains(before.state()) && !before.state().equals(state)) {
            note(id, "left terminal state " + before.state() + " for " + state);
        }
        if (attempts < before.attempts()) {
            note(id, "attempt count went down from " + before.attempts() + " to " + attempts);
        }
    }

    private synchronized void note(String jobId, String message) {
        if (anomalies.size() < MAX_ANOMALIES) {
            anomalies.add(new StateAnomaly(jobId, message));
        }
    }

    synchronized List<StateAnomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    long observations() {
        return observations.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
