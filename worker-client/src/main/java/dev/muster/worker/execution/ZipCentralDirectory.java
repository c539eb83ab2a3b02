package dev.muster.worker.execution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a zip's central directory that {@link java.util.zip.ZipFile} does not expose: each entry's unix
 * mode, from the high half of its external attributes when the entry was made on unix. That is where zip
 * records a symbolic link (and the executable bit). Entries come in central directory order, the order in
 * which {@code ZipFile.entries()} lists them. ZIP64 archives are refused: a workspace is far below 4 GiB and
 * 65,535 entries.
 */
final class ZipCentralDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNIX_HOST = 3;

    /** One central directory entry. {@code unixMode} is 0 for entries not made on unix. */
    record Entry(String name, int unixMode) {
        static final int TYPE_MASK = 0170000;
        static final int SYMLINK = 0120000;
        static final int REGULAR = 0100000;
        static final int DIRECTORY = 0040000;

        /** Neither a regular file nor a directory: a link, device, fifo or socket. */
        boolean isSpecial() {
            int type = unixMode & TYPE_MASK;
            return type != 0 && type != REGULAR && type != DIRECTORY;
        }
    }

    private ZipCentralDirectory() {
    }

    /** @throws WorkspaceRefusedException for an archive this reader cannot (or will not) parse */
    static List<Entry> read(Path zip, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(zip)) {
            ByteBuffer end = findEnd(channel);
            int count = Short.toUnsignedInt(end.getShort(10));
            long size = Integer.toUnsignedLong(end.getInt(12));
            long offset = Integer.toUnsignedLong(end.getInt(16));
            if (count == 0xFFFF || offset == 0xFFFFFFFFL || size == 0xFFFFFFFFL) {
                throw new WorkspaceRefusedException("ZIP64 archives are not supported");
            }
            if (count > maxEntries) {
                throw new WorkspaceRefusedException("the archive has " + count + " entries, more than the limit of "
                        + maxEntries);
            }
            if (offset + size > channel.size()) {
                throw new WorkspaceRefusedException("not a valid zip archive (central directory out of bounds)");
            }
            ByteBuffer directory = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(directory, offset);
            return entries(directory.flip(), count);
        }
    }

    private static List<Entry> entries(ByteBuffer directory, int count) {
        List<Entry> entries = new ArrayList<>(count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != ENTRY_SIGNATURE) {
                throw new WorkspaceRefusedException("not a valid zip archive (central directory entry " + i + ")");
            }
            int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int external = directory.getInt(at + 38);
            if (at + 46 + nameLength > directory.limit()) {
                throw new WorkspaceRefusedException("not a valid zip archive (entry name out of bounds)");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            entries.add(new Entry(new String(name, java.nio.charset.StandardCharsets.UTF_8),
                    madeBy == UNIX_HOST ? external >>> 16 : 0));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static ByteBuffer findEnd(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        int tail = (int) Math.min(fileSize, END_SIZE + MAX_COMMENT);
        ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(buffer, fileSize - tail);
        for (int at = tail - END_SIZE; at >= 0; at--) {
            if (buffer.getInt(at) == END_SIGNATURE) {
                return buffer.slice(at, END_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new WorkspaceRefusedException("not a zip archive");
    }
}
