/**
 * Content-defined chunking exactly as restic does it (github:restic/chunker, used by restic 0.14): a Rabin
 * fingerprint over a 64-byte window, computed modulo the repository's own irreducible polynomial of degree 53
 * (from the {@code config} file), cuts files into blobs of 512 KiB to 8 MiB, about 1 MiB beyond the minimum on
 * average. The same polynomial and the same algorithm give the same blobs as restic, hence deduplication with
 * restic clients. See {@code reference/restic-format.md} §6.
 *
 * <p>{@link org.hygie.repository.chunker.Polynomial} is the arithmetic in GF(2)[x] (irreducibility, the random
 * choice at init, the config string); {@link org.hygie.repository.chunker.Chunker} splits one stream at a time
 * into {@link org.hygie.repository.chunker.Chunk}s.
 */
package org.hygie.repository.chunker;
