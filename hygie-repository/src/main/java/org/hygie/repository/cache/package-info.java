/**
 * A far repository's local folder, as restic keeps one: a copy of its index files, snapshots and packs of trees
 * ({@link org.hygie.repository.cache.CachingBackend}), read by every command and never changed under their name, so
 * a night's backup to a server over the internet reads only the new ones; and the marks of this computer's writers
 * ({@link org.hygie.repository.cache.WriteMarks}), which tell whether a crash may have left packs without index,
 * so that {@code data/} is listed only then. Everything copied is the repository's own encrypted files; a copy is
 * used only if its content still hashes to its name and the repository still lists it.
 */
package org.hygie.repository.cache;
