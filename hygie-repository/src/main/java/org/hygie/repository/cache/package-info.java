/**
 * A local copy of a far repository's index files and snapshots, as restic keeps one: they are read by every
 * command and never change under their name, so a night's backup to a server over the internet reads only the new
 * ones. Everything in it is the repository's own encrypted files; a copy is used only if its content still hashes
 * to its name and the repository still lists it.
 */
package org.hygie.repository.cache;
