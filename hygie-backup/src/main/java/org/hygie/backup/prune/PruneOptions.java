package org.hygie.backup.prune;

import java.util.Objects;
import org.hygie.repository.write.WriterOptions;

/**
 * restic's prune options: {@code maxUnused} ({@code --max-unused}, default 5 %), {@code maxRepackBytes}
 * ({@code --max-repack-size}, default no limit), {@code repackCacheableOnly} (only tree packs),
 * {@code repackSmall} (packs under 80 % of the target size rather than 4 %), {@code repackUncompressed}
 * (compress every uncompressed data blob; trees always are in version 2), and the {@code writer} settings for the
 * new packs (their target size also decides which packs count as small).
 */
public record PruneOptions(MaxUnused maxUnused, long maxRepackBytes, boolean repackCacheableOnly,
        boolean repackSmall, boolean repackUncompressed, WriterOptions writer) {

    public PruneOptions {
        Objects.requireNonNull(maxUnused);
        Objects.requireNonNull(writer);
        if (maxRepackBytes < 0) {
            throw new IllegalArgumentException("max repack size cannot be negative");
        }
    }

    /** restic's defaults. */
    public static PruneOptions defaults() {
        return new PruneOptions(MaxUnused.DEFAULT, Long.MAX_VALUE, false, false, false, WriterOptions.defaults());
    }

    public PruneOptions withMaxUnused(MaxUnused m) {
        return new PruneOptions(m, maxRepackBytes, repackCacheableOnly, repackSmall, repackUncompressed, writer);
    }

    public PruneOptions withMaxRepackBytes(long b) {
        return new PruneOptions(maxUnused, b, repackCacheableOnly, repackSmall, repackUncompressed, writer);
    }

    public PruneOptions withRepackCacheableOnly(boolean v) {
        return new PruneOptions(maxUnused, maxRepackBytes, v, repackSmall, repackUncompressed, writer);
    }

    public PruneOptions withRepackSmall(boolean v) {
        return new PruneOptions(maxUnused, maxRepackBytes, repackCacheableOnly, v, repackUncompressed, writer);
    }

    public PruneOptions withRepackUncompressed(boolean v) {
        return new PruneOptions(maxUnused, maxRepackBytes, repackCacheableOnly, repackSmall, v, writer);
    }

    public PruneOptions withWriter(WriterOptions w) {
        return new PruneOptions(maxUnused, maxRepackBytes, repackCacheableOnly, repackSmall, repackUncompressed, w);
    }
}
