package org.hygie.backup.prune;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/** A blob by type and id (restic's {@code BlobHandle}): the same id as data and as tree are two blobs. */
public record BlobRef(BlobType type, Id id) {
}
