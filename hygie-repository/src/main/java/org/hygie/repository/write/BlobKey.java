package org.hygie.repository.write;

import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/** A blob's identity in a repository: the same id as data and as tree are two blobs. */
record BlobKey(BlobType type, Id id) {
}
