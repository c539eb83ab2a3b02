package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void aSingleWordIsTakenAsAWholeScript() {
        assertThat(ShellWords.join(List.of("make && make test | tee out"))).isEqualTo("make && make test | tee out");
    }

    @Test
    void plainWordsStayUnquoted() {
        assertThat(ShellWords.join(List.of("make", "-j4", "VERBOSE=1", "path/to/x.c"))).isEqualTo("make -j4 VERBOSE=1 path/to/x.c");
    }

    @Test
    void wordsWithShellSyntaxAreSingleQuoted() {
        assertThat(ShellWords.join(List.of("sh", "-c", "for i in 1 2 3; do echo $i; sleep 1; done")))
                .isEqualTo("sh -c 'for i in 1 2 3; do echo $i; sleep 1; done'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellWords.quote("")).isEqualTo("''");
    }

    @Test
    void shDashCOfTheJoinedWordsSeesTheOriginalArgv() throws IOException, InterruptedException {
        List<String> words = List.of("printf", "[%s]", "a b", "it's", "$HOME", "", "*", "x\ny", "\"q\"", "ä€😀");

        Process sh = new ProcessBuilder("sh", "-c", ShellWords.join(words)).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        sh.waitFor();

        assertThat(output).isEqualTo("[a b][it's][$HOME][][*][x\ny][\"q\"][ä€😀]");
    }
}
