package dev.muster.workspaces.control;

import dev.muster.platform.Refused;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads an upload part by part, counting its bytes against the limit and hashing them, and refuses what does not
 * start like a zip archive (a local file header, or the end-of-central-directory record of an empty archive).
 * Never holds more than one part.
 */
final class ZipUpload {

    static final int PART_BYTES = 1024 * 1024;
    private static final byte[][] SIGNATURES = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}};

    private final InputStream in;
    private final long limit;
    private final MessageDigest sha256;
    private long size;

    ZipUpload(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the next part, or null at the end
     * @throws Refused 413 past the limit, 422 when the first bytes are not a zip signature
     */
    byte[] nextPart() throws IOException {
        byte[] part = in.readNBytes(PART_BYTES);
        if (size == 0 && !startsLikeZip(part)) {
            throw Refused.unprocessable("body", "is not a zip archive (it must start with the signature PK\\3\\4, "
                    + "or PK\\5\\6 when empty)");
        }
        if (part.length == 0) {
            return null;
        }
        size += part.length;
        if (size > limit) {
            throw Refused.tooLarge("body", "the upload is larger than the limit of " + limit
                    + " bytes (muster.limits.upload-bytes)");
        }
        sha256.update(part);
        return part;
    }

    long size() {
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    static boolean startsLikeZip(byte[] bytes) {
        for (byte[] signature : SIGNATURES) {
            if (bytes.length >= signature.length
                    && java.util.Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
                return true;
            }
        }
        return false;
    }
}
