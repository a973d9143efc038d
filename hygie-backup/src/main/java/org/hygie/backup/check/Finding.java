package org.hygie.backup.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One problem found by {@link Checker}: what kind, about which file or blob, and what it affects
 * (snapshots, and paths inside them, capped so that a damaged shared blob does not flood the report).
 */
public final class Finding {
    /** How many affected paths are kept per finding; the count goes on. */
    public static final int MAX_PATHS = 50;

    private final Kind kind;
    private final String subject;
    private final String detail;
    private final Set<String> snapshots = new LinkedHashSet<>();
    private final List<String> paths = new ArrayList<>();
    private long affectedPathCount;

    public Finding(Kind kind, String subject, String detail) {
        this.kind = kind;
        this.subject = subject;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isError() {
        return kind.error();
    }

    /** The pack, index, snapshot, tree or blob id concerned. */
    public String subject() {
        return subject;
    }

    /** Technical detail, in English, for the helper. */
    public String detail() {
        return detail;
    }

    public synchronized void affects(String snapshotId, String path) {
        snapshots.add(snapshotId);
        affectedPathCount++;
        if (paths.size() < MAX_PATHS && !paths.contains(path)) {
            paths.add(path);
        }
    }

    public synchronized void affectsSnapshot(String snapshotId) {
        snapshots.add(snapshotId);
    }

    public synchronized List<String> affectedSnapshots() {
        return List.copyOf(snapshots);
    }

    public synchronized List<String> affectedPaths() {
        return Collections.unmodifiableList(new ArrayList<>(paths));
    }

    public synchronized long affectedPathCount() {
        return affectedPathCount;
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }

    /** The kinds of findings; errors make a repository unhealthy, hints do not. */
    public enum Kind {
        INDEX_UNREADABLE(true),
        PACK_MISSING(true),
        PACK_SIZE_MISMATCH(true),
        PACK_UNREADABLE(true),
        PACK_HASH_MISMATCH(true),
        PACK_HEADER_MISMATCH(true),
        BLOB_DAMAGED(true),
        BLOB_NOT_IN_INDEX(true),
        SNAPSHOT_UNREADABLE(true),
        SNAPSHOT_WITHOUT_TREE(true),
        TREE_UNREADABLE(true),
        NODE_INVALID(true),
        PACK_NOT_IN_INDEX(false),
        PACK_IN_SEVERAL_INDEXES(false),
        MIXED_PACK(false);

        private final boolean error;

        Kind(boolean error) {
            this.error = error;
        }

        public boolean error() {
            return error;
        }
    }
}
