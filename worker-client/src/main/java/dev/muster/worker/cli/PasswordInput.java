package dev.muster.worker.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where {@code muster users create} gets a password: the first line of stdin ({@code --password-stdin}, for
 * scripts), else the terminal, asked twice without echo. Never the command line, which other users can read in
 * the process list and the shell keeps in its history.
 */
final class PasswordInput {

    private PasswordInput() {
    }

    /** @throws IllegalStateException when there is no password to be had */
    static char[] fromStdin(InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalStateException("--password-stdin: stdin holds no password");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("--password-stdin: cannot read stdin: " + e.getMessage(), e);
        }
    }

    static char[] fromTerminal(Console console, String user) {
        if (console == null) {
            throw new IllegalStateException("no terminal to ask for the password; pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", user);
        char[] second = console.readPassword("Again: ");
        if (first == null || first.length == 0) {
            throw new IllegalStateException("no password given");
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second == null ? new char[0] : second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new IllegalStateException("the passwords differ");
        }
        return first;
    }
}
