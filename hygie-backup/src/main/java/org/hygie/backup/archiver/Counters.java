package org.hygie.backup.archiver;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of a backup, shared by its threads. */
final class Counters {
    final AtomicLong filesNew = new AtomicLong();
    final AtomicLong filesChanged = new AtomicLong();
    final AtomicLong filesUnmodified = new AtomicLong();
    final AtomicLong dirsNew = new AtomicLong();
    final AtomicLong dirsChanged = new AtomicLong();
    final AtomicLong dirsUnmodified = new AtomicLong();
    final AtomicLong filesProcessed = new AtomicLong();
    final AtomicLong bytesProcessed = new AtomicLong();
}
