package dev.muster.worker.cli;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the words after {@code --} back into one command string for {@code sh -c}. The user's shell already
 * split and unquoted them, so each word is quoted again where needed and {@code sh -c <joined>} sees the same
 * argv. A single word is taken as a complete script ({@code muster submit -- 'make && make test'}).
 */
final class ShellWords {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
