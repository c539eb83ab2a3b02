package dev.muster.worker.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A file sent as a request body. It is opened anew for every try, so a retried upload starts from its first
 * byte; {@code progress} hears the bytes sent so far.
 */
public record Upload(Path file, String contentType, LongConsumer progress) {

    long length() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open() {
        try {
            return new CountingInputStream(Files.newInputStream(file), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
