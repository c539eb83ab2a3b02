package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class UploadProgressTest {

    private final StringWriter err = new StringWriter();

    @Test
    void saysEveryTenthOfABigUpload() {
        UploadProgress progress = new UploadProgress(new PrintWriter(err), 10_000_000);

        for (long sent = 0; sent <= 10_000_000; sent += 65_536) {
            progress.accept(sent);
        }
        progress.accept(10_000_000);

        assertThat(err.toString().lines()).hasSize(10).first().asString()
                .isEqualTo("muster: uploading workspace: 1.0 of 10.0 MB (10%)");
        assertThat(err.toString().lines()).last().asString().endsWith("(100%)");
    }

    @Test
    void keepsQuietAboutSmallOnes() {
        UploadProgress progress = new UploadProgress(new PrintWriter(err), 100_000);

        progress.accept(100_000);

        assertThat(err.toString()).isEmpty();
    }
}
