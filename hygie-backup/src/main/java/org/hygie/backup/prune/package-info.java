/**
 * Pruning a repository as restic 0.14's {@code prune} does: find the blobs the snapshots use, delete packs that
 * hold none of them, repack packs that are mostly unused (beyond {@code --max-unused}), mixed, too small, or that
 * hold uncompressed trees in a version 2 repository. {@link org.hygie.backup.prune.PrunePlanner} makes a
 * {@link org.hygie.backup.prune.PrunePlan} (a value: a dry run prints it); {@link org.hygie.backup.prune.Pruner}
 * carries it out in the order that a crash at any moment cannot hurt (restic-format.md §12): new packs, then
 * an index covering every pack that remains, then the obsolete index files go, and only then the packs.
 * {@link org.hygie.backup.prune.Repacker} moves blobs from packs into a writer; copy uses it too.
 */
package org.hygie.backup.prune;
