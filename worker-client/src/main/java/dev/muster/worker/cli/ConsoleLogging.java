package dev.muster.worker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per event on stderr for {@code muster worker} ("10:00:01 INFO leased job …"), instead of the JDK's
 * two-line default. Only the worker command logs at INFO; the other commands print nothing but their output.
 */
final class ConsoleLogging {

    private ConsoleLogging() {
    }

    /** @return the configured logger; keep a reference, or JUL may forget the configuration */
    static Logger install() {
        Logger logger = Logger.getLogger("dev.muster");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.INFO);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
        return logger;
    }

    private static final class OneLine extends Formatter {

        private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            String line = time.format(record.getInstant()) + " " + record.getLevel().getName() + " "
                    + formatMessage(record) + System.lineSeparator();
            if (record.getThrown() == null) {
                return line;
            }
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            return line + trace;
        }
    }
}
