package org.hygie.backup.forget;

import java.util.List;

/**
 * What the snapshots of one group share: restic's {@code SnapshotGroupKey}. A criterion not grouped on is
 * empty: {@code ""} for the host, null for paths and tags (as restic's JSON shows them).
 */
public record GroupKey(String hostname, List<String> paths, List<String> tags) {
}
