package dev.muster.worker.logshipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.protocol.LogChunk;
import dev.muster.worker.protocol.LogStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamPumpTest {

    @Test
    void neverSplitsACharacterEvenWhenItsBytesArriveOneByOne() {
        String text = "grüße € 😀 done\n";
        LogBuffer buffer = new LogBuffer(1 << 20, 1 << 16);

        new StreamPump(oneByteAtATime(text.getBytes(StandardCharsets.UTF_8)), LogStream.STDERR, buffer).run();

        List<LogChunk> chunks = buffer.takeBatch(1 << 16);
        assertThat(chunks).allSatisfy(c -> assertThat(c.stream()).isEqualTo(LogStream.STDERR));
        assertThat(chunks.stream().map(LogChunk::data).collect(Collectors.joining())).isEqualTo(text);
    }

    @Test
    void eachAppendHoldsOnlyWholeCharacters() {
        String text = "€😀".repeat(5000); // 35000 bytes: several reads whose boundaries fall inside characters
        LogBuffer buffer = new LogBuffer(1 << 20, 1); // chunk size 1: every append becomes its own chunk

        new StreamPump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LogStream.STDOUT, buffer).run();

        List<LogChunk> chunks = buffer.takeBatch(1 << 20);
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(Character.isLowSurrogate(c.data().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(c.data().charAt(c.data().length() - 1))).isFalse();
            assertThat(c.data()).doesNotContain("\uFFFD");
        });
        assertThat(chunks.stream().map(LogChunk::data).collect(Collectors.joining())).isEqualTo(text);
    }

    @Test
    void replacesInvalidBytesInsteadOfFailing() {
        LogBuffer buffer = new LogBuffer(1 << 20, 1 << 16);
        byte[] bytes = {'o', 'k', (byte) 0xff, ' ', (byte) 0xe2, (byte) 0x82}; // junk, then a truncated €

        new StreamPump(new ByteArrayInputStream(bytes), LogStream.STDOUT, buffer).run();

        assertThat(buffer.takeBatch(1 << 16)).extracting(LogChunk::data).containsExactly("ok\uFFFD \uFFFD");
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
