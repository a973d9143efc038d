package org.hygie.repository.backend;

/** The kinds of files a restic repository holds, with the folder each lives in (restic-format.md §2). */
public enum FileType {
    CONFIG("config"),
    KEY("keys"),
    LOCK("locks"),
    SNAPSHOT("snapshots"),
    INDEX("index"),
    PACK("data");

    private final String folder;

    FileType(String folder) {
        this.folder = folder;
    }

    /** The folder name in the default layout ({@code config} is a file at the root). */
    public String folder() {
        return folder;
    }
}
