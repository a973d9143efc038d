/** Backing up folders into a repository, restic-compatible to the byte: walk, chunk, hash, save, snapshot. */
package org.hygie.backup.archiver;
