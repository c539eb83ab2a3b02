package dev.muster.worker.demos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JavaScript modules of the demos, shipped inside the muster jar (and readable in the source tree). */
final class DemoScript {

    private DemoScript() {
    }

    static String named(String name) {
        try (InputStream in = DemoScript.class.getResourceAsStream(name + ".js")) {
            if (in == null) {
                throw new IllegalStateException("demo script " + name + ".js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
