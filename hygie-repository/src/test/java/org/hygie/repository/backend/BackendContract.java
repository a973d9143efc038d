package org.hygie.repository.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;

/**
 * The {@link Backend} contract, run against every implementation (as restic's backend/test/suite.go): a backend's
 * test class extends this and says how to make a fresh, created backend.
 */
public abstract class BackendContract {

    /** A new, empty storage on which {@link Backend#create()} was called. */
    protected abstract Backend newBackend() throws Exception;

    /** Whether this backend's requests cross a network (restore and check then run more readers). */
    protected abstract boolean crossesANetwork();

    @Test
    void saysWhetherItsRequestsCrossANetwork() throws Exception {
        try (Backend b = newBackend()) {
            org.junit.jupiter.api.Assertions.assertEquals(crossesANetwork(), b.overNetwork());
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void savesLoadsAndListsEveryType() throws Exception {
        try (Backend b = newBackend()) {
            for (FileType t : List.of(FileType.KEY, FileType.LOCK, FileType.SNAPSHOT, FileType.INDEX,
                    FileType.PACK)) {
                byte[] data = bytes(1000 + t.ordinal(), t.ordinal());
                Id id = Id.hash(data);
                assertFalse(b.exists(t, id.hex()));
                b.save(t, id.hex(), data);
                assertTrue(b.exists(t, id.hex()));
                assertArrayEquals(data, b.load(t, id.hex()));
                assertEquals(data.length, b.size(t, id.hex()));
                assertEquals(List.of(new FileInfo(id.hex(), data.length)), b.list(t));
            }
            byte[] config = bytes(200, 9);
            b.save(FileType.CONFIG, null, config);
            assertTrue(b.exists(FileType.CONFIG, null));
            assertArrayEquals(config, b.load(FileType.CONFIG, null));
        }
    }

    /** Packs are written from a reused buffer longer than the file: only its first {@code length} bytes are stored. */
    @Test
    void savesTheStartOfABufferAsAWholeFile() throws Exception {
        try (Backend b = newBackend()) {
            byte[] buffer = bytes(2 * 1024 * 1024 + 11, 5);
            int length = 1024 * 1024 + 3;
            byte[] data = java.util.Arrays.copyOf(buffer, length);
            Id id = Id.hash(data);
            b.save(FileType.PACK, id.hex(), buffer, length);
            assertArrayEquals(data, b.load(FileType.PACK, id.hex()));
            assertEquals(List.of(new FileInfo(id.hex(), length)), b.list(FileType.PACK));
            assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.PACK, id.hex(), buffer, length));
            byte[] empty = new byte[0];
            Id emptyId = Id.hash(empty);
            b.save(FileType.INDEX, emptyId.hex(), buffer, 0);
            assertEquals(0, b.size(FileType.INDEX, emptyId.hex()));
            assertThrows(IndexOutOfBoundsException.class,
                    () -> b.save(FileType.SNAPSHOT, Id.hash(buffer).hex(), buffer, buffer.length + 1));
            assertFalse(b.exists(FileType.SNAPSHOT, Id.hash(buffer).hex()));
        }
    }

    @Test
    void readsRanges() throws Exception {
        try (Backend b = newBackend()) {
            byte[] data = bytes(3 * 1024 * 1024 + 7, 1);
            Id id = Id.hash(data);
            b.save(FileType.PACK, id.hex(), data);
            Random rnd = new Random(2);
            for (int i = 0; i < 20; i++) {
                int off = rnd.nextInt(data.length - 1);
                int len = 1 + rnd.nextInt(Math.min(100_000, data.length - off));
                assertArrayEquals(java.util.Arrays.copyOfRange(data, off, off + len),
                        b.load(FileType.PACK, id.hex(), off, len));
            }
            byte[] tail = b.load(FileType.PACK, id.hex(), data.length - 4, 4);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, data.length - 4, data.length), tail);
        }
    }

    @Test
    void neverOverwritesAndReportsMissingFiles() throws Exception {
        try (Backend b = newBackend()) {
            byte[] data = bytes(100, 3);
            Id id = Id.hash(data);
            b.save(FileType.SNAPSHOT, id.hex(), data);
            assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.SNAPSHOT, id.hex(), bytes(50, 4)));
            assertArrayEquals(data, b.load(FileType.SNAPSHOT, id.hex()));
            String missing = Id.hash(new byte[1]).hex();
            assertThrows(NoSuchFileException.class, () -> b.load(FileType.SNAPSHOT, missing));
            assertThrows(NoSuchFileException.class, () -> b.size(FileType.SNAPSHOT, missing));
            b.delete(FileType.SNAPSHOT, missing); // deleting what is not there succeeds
            b.delete(FileType.SNAPSHOT, id.hex());
            assertFalse(b.exists(FileType.SNAPSHOT, id.hex()));
            assertEquals(List.of(), b.list(FileType.SNAPSHOT));
        }
    }

    /**
     * A folder of many files (months of nightly snapshots) is listed whole, each with its size: servers answer a
     * listing in parts (an SFTP server ~100 entries or 16 KiB at a time).
     */
    @Test
    void listsAFolderOfManyFiles() throws Exception {
        try (Backend b = newBackend()) {
            Set<FileInfo> saved = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                byte[] data = bytes(1000 + i, 20 + i);
                Id id = Id.hash(data);
                b.save(FileType.SNAPSHOT, id.hex(), data);
                saved.add(new FileInfo(id.hex(), data.length));
            }
            List<FileInfo> listed = b.list(FileType.SNAPSHOT);
            assertEquals(saved.size(), listed.size());
            assertEquals(saved, new HashSet<>(listed));
        }
    }

    @Test
    void listsManyPacks() throws Exception {
        try (Backend b = newBackend()) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                byte[] data = bytes(10 + i, 100 + i);
                Id id = Id.hash(data);
                b.save(FileType.PACK, id.hex(), data);
                names.add(id.hex());
            }
            Set<String> listed = new HashSet<>();
            for (FileInfo f : b.list(FileType.PACK)) {
                listed.add(f.name());
            }
            assertEquals(names, listed);
        }
    }
}
