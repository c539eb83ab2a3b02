package dev.muster.worker.logshipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.protocol.LogChunk;
import dev.muster.worker.protocol.LogStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogBufferTest {

    @Test
    void keepsTheInterleavingOfBothStreamsInSeqOrder() {
        LogBuffer buffer = new LogBuffer(1 << 20, 1024);
        buffer.append(LogStream.STDOUT, "a\n");
        buffer.append(LogStream.STDOUT, "b\n");
        buffer.append(LogStream.STDERR, "oops\n");
        buffer.append(LogStream.STDOUT, "c\n");

        List<LogChunk> batch = buffer.takeBatch(64 * 1024);

        assertThat(batch).containsExactly(
                new LogChunk(0, LogStream.STDOUT, "a\nb\n"),
                new LogChunk(1, LogStream.STDERR, "oops\n"),
                new LogChunk(2, LogStream.STDOUT, "c\n"));
    }

    @Test
    void seqContinuesAcrossBatchesWithoutGaps() {
        LogBuffer buffer = new LogBuffer(1 << 20, 1024);
        buffer.append(LogStream.STDOUT, "1");
        List<LogChunk> first = buffer.takeBatch(1024);
        buffer.append(LogStream.STDERR, "2");
        buffer.append(LogStream.STDOUT, "3");
        List<LogChunk> second = buffer.takeBatch(1024);

        assertThat(first).extracting(LogChunk::seq).containsExactly(0L);
        assertThat(second).extracting(LogChunk::seq).containsExactly(1L, 2L);
        assertThat(buffer.takeBatch(1024)).isEmpty();
    }

    @Test
    void cutsBatchesAtAboutTheBatchSize() {
        LogBuffer buffer = new LogBuffer(1 << 20, 1000);
        String line = "x".repeat(99) + "\n";
        for (int i = 0; i < 50; i++) {
            buffer.append(LogStream.STDOUT, line); // 5000 bytes in chunks of ~1000
        }

        List<List<LogChunk>> batches = new ArrayList<>();
        for (List<LogChunk> b = buffer.takeBatch(2000); !b.isEmpty(); b = buffer.takeBatch(2000)) {
            batches.add(b);
        }

        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(b -> assertThat(bytes(b)).isLessThanOrEqualTo(2000));
        assertThat(batches.stream().flatMap(List::stream).map(LogChunk::data).collect(Collectors.joining()))
                .isEqualTo(line.repeat(50));
    }

    @Test
    void dropsTheMiddleOfAnOversizedLogAndSaysHowMuch() {
        LogBuffer buffer = new LogBuffer(1000, 100);
        for (int i = 0; i < 200; i++) {
            buffer.append(i % 2 == 0 ? LogStream.STDOUT : LogStream.STDERR, String.format("line %04d\n", i)); // 10 bytes each
        }

        List<LogChunk> all = drain(buffer);
        String text = all.stream().map(LogChunk::data).collect(Collectors.joining());

        assertThat(text).startsWith("line 0000\nline 0001\n").endsWith("line 0198\nline 0199\n");
        assertThat(text).doesNotContain("line 0050");
        assertThat(all).extracting(LogChunk::seq).isSorted().doesNotHaveDuplicates();
        String marker = all.stream().map(LogChunk::data).filter(d -> d.contains("[muster:")).findFirst().orElseThrow();
        long kept = all.stream().filter(c -> !c.data().contains("[muster:")).mapToLong(c -> c.data().length()).sum();
        assertThat(marker).contains("[muster: " + (2000 - kept) + " bytes of log dropped]");
        assertThat(kept).isLessThanOrEqualTo(1000);
    }

    @Test
    void ignoresOutputAfterCloseAndDiscardEmptiesIt() {
        LogBuffer buffer = new LogBuffer(1000, 100);
        buffer.append(LogStream.STDOUT, "kept");
        buffer.close();
        buffer.append(LogStream.STDOUT, "late");

        assertThat(drain(buffer)).extracting(LogChunk::data).containsExactly("kept");

        LogBuffer discarded = new LogBuffer(1000, 100);
        discarded.append(LogStream.STDOUT, "secret");
        discarded.discard();
        assertThat(discarded.isEmpty()).isTrue();
        assertThat(discarded.takeBatch(100)).isEmpty();
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(Utf8.length("aä€😀")).isEqualTo(1 + 2 + 3 + 4);
    }

    private static List<LogChunk> drain(LogBuffer buffer) {
        List<LogChunk> all = new ArrayList<>();
        for (List<LogChunk> b = buffer.takeBatch(300); !b.isEmpty(); b = buffer.takeBatch(300)) {
            all.addAll(b);
        }
        return all;
    }

    private static int bytes(List<LogChunk> batch) {
        return batch.stream().mapToInt(c -> Utf8.length(c.data())).sum();
    }
}
