package dev.muster.worker.protocol;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Writes a response body to a file, refusing more than {@code maxBytes}: a server (or something pretending to
 * be one) must not be able to fill the worker's disk. Completes with the number of bytes written.
 */
final class FileBodySubscriber implements BodySubscriber<Long> {

    private final Path target;
    private final long maxBytes;
    private final LongConsumer progress;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private FileChannel out;
    private Flow.Subscription subscription;
    private long written;

    FileBodySubscriber(Path target, long maxBytes, LongConsumer progress) {
        this.target = target;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        try {
            out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            subscription.request(1);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                written += buffer.remaining();
                if (written > maxBytes) {
                    throw new IOException("the answer is larger than the " + maxBytes + " bytes expected");
                }
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            progress.accept(written);
            subscription.request(1);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        close();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        close();
        result.complete(written);
    }

    private void fail(IOException error) {
        subscription.cancel();
        onError(error);
    }

    private void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }
}
