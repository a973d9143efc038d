/**
 * The write side of a repository (restic-format.md §7, §8, §12): {@link org.hygie.repository.write.RepositoryWriter}
 * takes blobs from many threads, deduplicates them, compresses and encrypts them in parallel, packs them by type,
 * uploads each finished pack, and only then writes index files listing the packs already stored.
 * {@link org.hygie.repository.write.OrphanPacks} indexes packs a crash left without an index.
 */
package org.hygie.repository.write;
