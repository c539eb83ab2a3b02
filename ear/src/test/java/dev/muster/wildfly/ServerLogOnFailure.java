package dev.muster.wildfly;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints WildFly's server log when a test fails, or the whole class does (a failed deployment fails it before any
 * test runs), since the server's console output is not shown. Register it before Arquillian's extension, so that
 * its {@code afterAll} still runs when Arquillian's {@code beforeAll} failed.
 */
public class ServerLogOnFailure implements TestWatcher, AfterAllCallback {

    private static final int MAX_LINES = 400;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            print(context.getDisplayName());
        }
    }

    private static void print(String failed) {
        String log = System.getProperty("muster.it.serverLog");
        if (log == null) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(log));
            System.err.printf("%n----- %s failed; WildFly's server log (%s), last %d lines -----%n",
                    failed, log, Math.min(MAX_LINES, lines.size()));
            lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size()).forEach(System.err::println);
            System.err.println("----- end of the server log -----");
        } catch (IOException e) {
            System.err.println("no server log to show at " + log + ": " + e);
        }
    }
}
