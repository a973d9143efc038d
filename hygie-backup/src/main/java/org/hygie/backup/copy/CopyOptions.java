package org.hygie.backup.copy;

import java.util.List;
import java.util.Objects;
import org.hygie.backup.forget.SnapshotFilter;
import org.hygie.repository.write.WriterOptions;

/**
 * Which snapshots to copy: those named ({@code snapshots}: ids, unique prefixes, {@code latest}), else every
 * snapshot the {@code filter} selects (restic applies the same filter to the destination's snapshots when it looks
 * for copies already made; so does Hygie). {@code writer}: how the destination's packs are written.
 */
public record CopyOptions(List<String> snapshots, SnapshotFilter filter, WriterOptions writer) {

    public CopyOptions {
        snapshots = List.copyOf(snapshots);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(writer);
    }

    public static CopyOptions all() {
        return new CopyOptions(List.of(), SnapshotFilter.ALL, WriterOptions.defaults());
    }

    public CopyOptions withSnapshots(List<String> refs) {
        return new CopyOptions(refs, filter, writer);
    }

    public CopyOptions withFilter(SnapshotFilter f) {
        return new CopyOptions(snapshots, f, writer);
    }

    public CopyOptions withWriter(WriterOptions w) {
        return new CopyOptions(snapshots, filter, w);
    }
}
