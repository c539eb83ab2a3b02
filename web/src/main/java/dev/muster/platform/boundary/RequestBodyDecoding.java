package dev.muster.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decodes gzip request bodies (workers compress logs) and caps every body at {@code muster.http.max-body-bytes},
 * counted after decoding so a small compressed body cannot expand without bound. Keeps the bytes so that a body the
 * binder refuses can be explained field by field ({@link JsonShape}).
 *
 * <p>A resource that takes the body as an {@link InputStream} (a workspace upload) streams it itself and enforces its
 * own limit: its body is decoded but neither buffered nor capped here.
 */
@Provider
public class RequestBodyDecoding implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "muster.http.max-body-bytes", defaultValue = "8388608")
    long maxBodyBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream body = context.getInputStream();
        if ("gzip".equalsIgnoreCase(context.getHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
            context.getHeaders().remove("Content-Encoding");
        }
        if (context.getType() == InputStream.class) {
            context.setInputStream(body);
            return context.proceed();
        }
        byte[] bytes;
        try {
            bytes = new Limited(body, maxBodyBytes).readAllBytes();
        } catch (BodyTooLarge tooLarge) {
            drain(context.getInputStream());
            throw tooLarge;
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        try {
            return context.proceed();
        } catch (RuntimeException | IOException unreadable) {
            var explained = JsonShape.mismatch(context.getGenericType(), bytes);
            if (explained.isPresent()) {
                throw explained.get();
            }
            throw unreadable;
        }
    }

    /**
     * Reads (and drops) the rest of an oversized body, up to a bound, before the 413 is sent: a client still
     * uploading when the server answers and closes would see a reset instead of the answer.
     */
    public static void drain(InputStream rest) {
        try {
            long skipped = 0;
            byte[] sink = new byte[64 * 1024];
            for (int n; skipped < DRAIN_LIMIT && (n = rest.read(sink)) > 0; ) {
                skipped += n;
            }
        } catch (IOException gone) {
            // the client gave up; nothing left to protect
        }
    }

    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}
