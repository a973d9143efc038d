/** Snapshot files: what a backup saved, when, from where, and its root tree. */
package org.hygie.repository.snapshot;
