package dev.muster.worker.execution;

/**
 * What a workspace archive may unpack to, against zip bombs: bytes in all, entries, and the ratio of an entry's
 * inflated bytes to its compressed ones. Ratios are checked only past {@link #RATIO_GRACE} inflated bytes of an
 * entry, since small files of repetitive text legitimately compress far better than 100:1.
 */
public record ArchiveLimits(long maxBytes, int maxEntries, int maxRatio) {

    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1L << 30, 10_000, 100);
    static final long RATIO_GRACE = 1L << 20;

    public ArchiveLimits {
        if (maxBytes < 1 || maxEntries < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("workspace limits must be at least 1");
        }
    }
}
