package dev.muster.logs.entity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The truncation window, as LogStore drives it: admit each new chunk, then drop the oldest tail chunks over the half. */
class LogWindowTest {

    private static final long LIMIT = 100;

    private final LogWindow window = new LogWindow("a-1");
    /** The tail chunks "stored", oldest first. */
    private final List<LogWindow.Stored> tail = new ArrayList<>();

    @Test
    void aLogWithinTheLimitIsKeptWhole() {
        for (int seq = 0; seq < 10; seq++) {
            append(seq, 10);
        }
        assertThat(window.isTruncated()).isFalse();
        assertThat(window.headLastSeq()).isEqualTo(4); // 50 bytes: the head's half
        assertThat(tail).extracting(LogWindow.Stored::seq).containsExactly(5, 6, 7, 8, 9);
    }

    @Test
    void beyondTheLimitTheHeadStaysAndTheTailKeepsTheMostRecentHalf() {
        for (int seq = 0; seq < 30; seq++) {
            append(seq, 10);
        }
        assertThat(window.isTruncated()).isTrue();
        assertThat(window.headLastSeq()).isEqualTo(4);
        assertThat(tail).extracting(LogWindow.Stored::seq).containsExactly(25, 26, 27, 28, 29);
        assertThat(window.droppedBytes()).isEqualTo(200);
        assertThat(window.droppedChunks()).isEqualTo(20);
        assertThat(window.marker()).isEqualTo("\n[muster: 200 bytes of log dropped]\n");
    }

    @Test
    void aDroppedChunkSentAgainDoesNotFillTheGapButHeadAndTailRepeatsAreNotDropped() {
        for (int seq = 0; seq < 12; seq++) {
            append(seq, 10);
        }
        assertThat(window.hasDropped(5)).isTrue();
        assertThat(window.hasDropped(6)).isTrue();
        assertThat(window.hasDropped(4)).isFalse(); // head
        assertThat(window.hasDropped(11)).isFalse(); // tail
    }

    @Test
    void theNewestChunkStaysEvenWhenItAloneIsLargerThanTheTail() {
        append(0, 10);
        append(1, 10);
        append(2, 40);
        append(3, 30);
        append(4, 500);
        assertThat(tail).extracting(LogWindow.Stored::seq).containsExactly(4);
        assertThat(window.headLastSeq()).isEqualTo(2);
        assertThat(window.droppedBytes()).isEqualTo(30);
    }

    /** What LogStore does for one new chunk. */
    private void append(int seq, long bytes) {
        window.admit(seq, bytes, LIMIT);
        if (seq > window.headLastSeq()) {
            tail.add(new LogWindow.Stored(seq, bytes));
        }
        int through = window.drop(List.copyOf(tail), seq, LIMIT);
        tail.removeIf(chunk -> chunk.seq() <= through);
    }
}
