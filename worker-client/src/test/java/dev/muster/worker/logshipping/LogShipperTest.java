package dev.muster.worker.logshipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.worker.protocol.LeaseLostException;
import dev.muster.worker.protocol.LogChunk;
import dev.muster.worker.protocol.LogStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogShipperTest {

    private final List<List<LogChunk>> sent = new CopyOnWriteArrayList<>();

    @Test
    void shipsQuietOutputAfterTheFlushIntervalNotPerLine() {
        LogBuffer buffer = new LogBuffer(1 << 20, 1024);
        CompletableFuture<Void> shipping = CompletableFuture.runAsync(
                new LogShipper(buffer, sent::add, new LogShipper.Cadence(Duration.ofMillis(100), 64 * 1024)));

        for (int i = 0; i < 20; i++) {
            buffer.append(LogStream.STDOUT, "line " + i + "\n");
        }

        await().atMost(Duration.ofSeconds(2)).until(() -> !sent.isEmpty());
        assertThat(sent.get(0)).hasSize(1);
        assertThat(sent.get(0).get(0).data()).startsWith("line 0\nline 1\n").endsWith("line 19\n");
        buffer.close();
        await().atMost(Duration.ofSeconds(2)).until(shipping::isDone);
    }

    @Test
    void shipsAFullBatchWithoutWaitingAndEverythingBeforeItEnds() {
        LogBuffer buffer = new LogBuffer(1 << 20, 100);
        LogShipper shipper = new LogShipper(buffer, sent::add, new LogShipper.Cadence(Duration.ofHours(1), 1000));
        CompletableFuture<Void> shipping = CompletableFuture.runAsync(shipper);

        buffer.append(LogStream.STDOUT, "x".repeat(1500));
        await().atMost(Duration.ofSeconds(2)).until(() -> !sent.isEmpty());
        buffer.append(LogStream.STDERR, "tail");
        buffer.close();

        await().atMost(Duration.ofSeconds(2)).until(shipping::isDone);
        List<LogChunk> all = sent.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(LogChunk::seq).containsExactly(0L, 1L);
        assertThat(all.stream().map(LogChunk::data).collect(Collectors.joining())).isEqualTo("x".repeat(1500) + "tail");
        assertThat(shipper.leaseLost()).isFalse();
    }

    @Test
    void stopsWhenTheLeaseIsLost() {
        LogBuffer buffer = new LogBuffer(1 << 20, 100);
        LogShipper shipper = new LogShipper(buffer, batch -> {
            throw new LeaseLostException("a1");
        }, new LogShipper.Cadence(Duration.ofMillis(10), 1000));
        CompletableFuture<Void> shipping = CompletableFuture.runAsync(shipper);

        buffer.append(LogStream.STDOUT, "hello");

        await().atMost(Duration.ofSeconds(2)).until(shipping::isDone);
        assertThat(shipper.leaseLost()).isTrue();
    }
}
