package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Injects a scenario's faults at seeded random moments of a phase's submit window (between 15 % and 75 % of it, so
 * there is traffic before and after), one after the other on a thread of its own.
 */
final class FaultInjector {

    private FaultInjector() {
    }

    static CompletableFuture<List<FaultRecord>> inject(FaultContext context, int count, Duration window) {
        List<Duration> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(Duration.ofMillis((long) (window.toMillis() * (0.15 + 0.6 * context.random().nextDouble()))));
        }
        offsets.sort(null);
        Instant start = Instant.now();
        CompletableFuture<List<FaultRecord>> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            List<FaultRecord> records = new ArrayList<>();
            try {
                for (Duration offset : offsets) {
                    long wait = Duration.between(Instant.now(), start.plus(offset)).toMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    for (Fault fault : context.scenario().faults()) {
                        FaultRecord record = injectOne(context, fault);
                        context.ledger().fault(record);
                        records.add(record);
                    }
                }
                done.complete(records);
            } catch (InterruptedException e) {
                done.complete(records);
            }
        }, "chaos-faults");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static FaultRecord injectOne(FaultContext context, Fault fault) throws InterruptedException {
        Instant start = Instant.now();
        try {
            return fault.inject(context);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            context.log().accept(context.scenario().id() + ": FAULT FAILED: " + e);
            return new FaultRecord(context.scenario(), fault.getClass().getSimpleName() + " failed", start, Instant.now(),
                    List.of(), false, e.toString());
        }
    }
}
