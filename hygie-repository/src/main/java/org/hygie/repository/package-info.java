/**
 * The restic repository format, version 2 (and 1 for reading): {@link org.hygie.repository.Repository}
 * opens a repository on a {@link org.hygie.repository.backend.Backend} and reads and writes its files.
 * A library: nothing here prints.
 */
package org.hygie.repository;
