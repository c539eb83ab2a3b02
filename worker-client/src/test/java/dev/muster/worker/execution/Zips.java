package dev.muster.worker.execution;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip archives for tests, hostile ones included, by writing them and patching their central directory. */
final class Zips {

    interface Content {
        void writeTo(ZipOutputStream zip) throws IOException;
    }

    private Zips() {
    }

    static Path write(Path file, Content content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            content.writeTo(zip);
        }
        return file;
    }

    static void file(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** An entry of {@code bytes} zeros, streamed: the archive stays small however large the entry. */
    static void zeros(ZipOutputStream zip, String name, long bytes) throws IOException {
        zip.setLevel(Deflater.BEST_SPEED); // several times faster on zeros, and still over 200:1
        zip.putNextEntry(new ZipEntry(name));
        byte[] block = new byte[1 << 20];
        for (long left = bytes; left > 0; left -= block.length) {
            zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
    }

    /** Marks the entry as made on unix with this mode (e.g. 0120777 for a symlink, 0100755 for a script). */
    static void setUnixMode(Path zip, String name, int mode) throws IOException {
        patch(zip, name, (directory, at) -> {
            directory.putShort(at + 4, (short) (3 << 8 | 20));
            directory.putInt(at + 38, mode << 16);
        });
    }

    /** Makes the central directory claim another uncompressed size than the entry has. */
    static void setClaimedSize(Path zip, String name, long size) throws IOException {
        patch(zip, name, (directory, at) -> directory.putInt(at + 24, (int) size));
    }

    private interface Patch {
        void apply(ByteBuffer directory, int entryOffset);
    }

    private static void patch(Path zip, String name, Patch patch) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, channel.size() - 22);
            int count = Short.toUnsignedInt(end.getShort(10));
            int size = end.getInt(12);
            long offset = Integer.toUnsignedLong(end.getInt(16));
            ByteBuffer directory = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(directory, offset);
            int at = 0;
            for (int i = 0; i < count; i++) {
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                byte[] entryName = new byte[nameLength];
                directory.get(at + 46, entryName);
                if (new String(entryName, StandardCharsets.UTF_8).equals(name)) {
                    patch.apply(directory, at);
                    channel.write(directory.position(0), offset);
                    return;
                }
                at += 46 + nameLength + Short.toUnsignedInt(directory.getShort(at + 30))
                        + Short.toUnsignedInt(directory.getShort(at + 32));
            }
            throw new IllegalArgumentException("no entry " + name);
        }
    }
}
