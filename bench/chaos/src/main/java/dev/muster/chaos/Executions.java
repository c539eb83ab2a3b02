package dev.muster.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** How often each token's command really started: one line per start in the shared executions file. */
final class Executions {

    private Executions() {
    }

    static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String token = line.trim();
            if (!token.isEmpty()) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }
}
