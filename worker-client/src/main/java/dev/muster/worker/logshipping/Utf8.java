package dev.muster.worker.logshipping;

/** UTF-8 sizes without encoding: batches and the memory bound are counted in bytes, as the server sees them. */
final class Utf8 {

    private Utf8() {
    }

    static int length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
