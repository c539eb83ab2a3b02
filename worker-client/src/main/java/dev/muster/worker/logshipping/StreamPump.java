package dev.muster.worker.logshipping;

import dev.muster.worker.protocol.LogStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Copies one output stream of a process into a {@link LogBuffer} as the bytes arrive. Bytes are decoded as
 * UTF-8 with a decoder that keeps an incomplete multi-byte sequence for the next read, so text is only ever
 * split between whole characters; invalid bytes become U+FFFD instead of failing the job's log.
 */
public final class StreamPump implements Runnable {

    private static final int READ_SIZE = 8192;

    private final InputStream input;
    private final LogStream stream;
    private final LogBuffer buffer;

    public StreamPump(InputStream input, LogStream stream, LogBuffer buffer) {
        this.input = input;
        this.stream = stream;
        this.buffer = buffer;
    }

    @Override
    public void run() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes = ByteBuffer.allocate(READ_SIZE);
        CharBuffer chars = CharBuffer.allocate(READ_SIZE);
        try (input) {
            int read;
            while ((read = input.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
                bytes.position(bytes.position() + read);
                decode(decoder, bytes, chars, false);
            }
        } catch (IOException e) {
            // The stream was closed under us (the attempt was abandoned); what was read is in the buffer.
        }
        decode(decoder, bytes, chars, true);
        decoder.flush(chars);
        emit(chars);
    }

    private void decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean endOfInput) {
        bytes.flip();
        decoder.decode(bytes, chars, endOfInput);
        bytes.compact();
        emit(chars);
    }

    private void emit(CharBuffer chars) {
        chars.flip();
        if (chars.hasRemaining()) {
            buffer.append(stream, chars.toString());
        }
        chars.clear();
    }
}
