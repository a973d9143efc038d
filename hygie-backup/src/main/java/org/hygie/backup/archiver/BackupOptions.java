package org.hygie.backup.archiver;

import java.nio.file.Path;
import java.util.List;
import org.hygie.repository.id.Id;

/**
 * What to back up and how, as restic's backup flags: targets, tags, host name, exclude patterns, caches
 * (folders holding a CACHEDIR.TAG) left out, staying on one file system, the parent snapshot (null: the latest
 * one of the same host and paths; {@link #noParent} forces reading everything).
 */
public record BackupOptions(List<Path> targets, List<String> tags, String host, List<String> excludes,
        boolean excludeCaches, boolean oneFileSystem, Id parent, boolean noParent, int readers) {

    public static BackupOptions of(List<Path> targets) {
        return new BackupOptions(List.copyOf(targets), List.of(), null, List.of(), false, false, null, false, 2);
    }

    public BackupOptions withTags(List<String> t) {
        return new BackupOptions(targets, List.copyOf(t), host, excludes, excludeCaches, oneFileSystem, parent,
                noParent, readers);
    }

    public BackupOptions withHost(String h) {
        return new BackupOptions(targets, tags, h, excludes, excludeCaches, oneFileSystem, parent, noParent, readers);
    }

    public BackupOptions withExcludes(List<String> e, boolean caches, boolean oneFs) {
        return new BackupOptions(targets, tags, host, List.copyOf(e), caches, oneFs, parent, noParent, readers);
    }

    public BackupOptions withParent(Id p, boolean none) {
        return new BackupOptions(targets, tags, host, excludes, excludeCaches, oneFileSystem, p, none, readers);
    }

    public BackupOptions withReaders(int n) {
        return new BackupOptions(targets, tags, host, excludes, excludeCaches, oneFileSystem, parent, noParent,
                Math.max(1, n));
    }
}
