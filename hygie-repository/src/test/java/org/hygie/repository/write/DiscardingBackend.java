package org.hygie.repository.write;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;

/**
 * An in-memory backend for benchmarks: keeps every file except packs, of which it keeps only the size, so that
 * a benchmark measures the writer and not the disk.
 */
final class DiscardingBackend implements Backend {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Long> packSizes = new ConcurrentHashMap<>();

    private static String key(FileType type, String name) {
        return type == FileType.CONFIG ? "config" : type.folder() + "/" + name;
    }

    @Override
    public String location() {
        return "memory:";
    }

    @Override
    public void create() {
    }

    @Override
    public boolean exists(FileType type, String name) {
        return files.containsKey(key(type, name)) || packSizes.containsKey(key(type, name));
    }

    @Override
    public List<FileInfo> list(FileType type) {
        List<FileInfo> out = new ArrayList<>();
        String prefix = type.folder() + "/";
        files.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(new FileInfo(k.substring(prefix.length()), v.length));
            }
        });
        if (type == FileType.PACK) {
            packSizes.forEach((k, v) -> out.add(new FileInfo(k.substring(prefix.length()), v)));
        }
        return out;
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        byte[] b = files.get(key(type, name));
        if (b == null) {
            throw new NoSuchFileException(key(type, name));
        }
        return b.clone();
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        byte[] b = load(type, name);
        return java.util.Arrays.copyOfRange(b, (int) offset, (int) offset + length);
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        return load(type, name).length;
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        String k = key(type, name);
        if (exists(type, name)) {
            throw new FileAlreadyExistsException(k);
        }
        if (type == FileType.PACK) {
            packSizes.put(k, (long) length);
        } else {
            files.put(k, java.util.Arrays.copyOf(data, length));
        }
    }

    @Override
    public void delete(FileType type, String name) {
        files.remove(key(type, name));
        packSizes.remove(key(type, name));
    }
}
