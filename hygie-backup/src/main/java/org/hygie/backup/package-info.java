/**
 * Backup operations on a restic repository: restore, check, and (later) backup, forget, prune, copy.
 * A library with no console: progress and findings go to listeners that the faces render.
 */
package org.hygie.backup;
