/**
 * Copying snapshots from one repository to another, as restic 0.14's {@code copy}: the repositories have their own
 * keys (and perhaps chunker polynomials, so blobs are copied as they are, never chunked again); only the blobs the
 * destination lacks are written, trees as their exact bytes; the snapshot is saved with {@code original} naming
 * the first snapshot it descends from, and a snapshot already copied (same original, same fields) is skipped.
 * Works on append-only storage: nothing is deleted.
 */
package org.hygie.backup.copy;
