package dev.muster.worker.protocol;

import java.util.Locale;

/** Which output of a job a log chunk came from. */
public enum LogStream {
    STDOUT, STDERR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogStream fromWire(String name) {
        return "stderr".equals(name) ? STDERR : STDOUT;
    }
}
