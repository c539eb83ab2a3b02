package dev.muster.workspaces.control;

import dev.muster.platform.Refused;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ZipUploadTest {

    @Test
    void aZipIsReadInPartsCountedAndHashed() throws Exception {
        byte[] zip = zip(3 * ZipUpload.PART_BYTES);
        ZipUpload upload = new ZipUpload(new ByteArrayInputStream(zip), zip.length);
        int parts = 0;
        while (upload.nextPart() != null) {
            parts++;
        }
        assertThat(parts).isGreaterThanOrEqualTo(1);
        assertThat(upload.size()).isEqualTo(zip.length);
        assertThat(upload.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)));
    }

    @Test
    void anUploadPastTheLimitIsRefusedWith413BeforeItIsReadWhole() throws Exception {
        byte[] zip = zip(0);
        ZipUpload upload = new ZipUpload(new ByteArrayInputStream(zip), zip.length - 1);
        Refused refused = catchThrowableOfType(upload::nextPart, Refused.class);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.getMessage()).contains("muster.limits.upload-bytes");
    }

    @Test
    void whatIsNotAZipIsRefusedWith422() {
        for (byte[] body : new byte[][] {"hello".getBytes(), new byte[0], {'P', 'K'}}) {
            Refused refused = catchThrowableOfType(() -> new ZipUpload(new ByteArrayInputStream(body), 100).nextPart(), Refused.class);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.field()).isEqualTo("body");
        }
        assertThat(ZipUpload.startsLikeZip(new byte[] {'P', 'K', 5, 6, 0})).isTrue();
    }

    static byte[] zip(int incompressibleBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello\n".getBytes());
            byte[] random = new byte[incompressibleBytes];
            new java.util.Random(1).nextBytes(random);
            zip.putNextEntry(new ZipEntry("noise.bin"));
            zip.write(random);
        }
        return bytes.toByteArray();
    }
}
