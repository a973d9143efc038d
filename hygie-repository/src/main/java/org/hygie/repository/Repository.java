package org.hygie.repository;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.cache.CacheRoot;
import org.hygie.repository.cache.CachingBackend;
import org.hygie.repository.compress.ZstdCodec;
import org.hygie.repository.config.RepositoryConfig;
import org.hygie.repository.crypto.CryptoException;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.BlobIndex;
import org.hygie.repository.index.BlobLocation;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.json.Json;
import org.hygie.repository.key.Keys;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.snapshot.Snapshot;

/**
 * An opened restic repository: the master key, the config, and reading and writing of its files
 * (restic-format.md §1–§9). Reading follows restic's order: snapshots are listed before the index is loaded.
 */
public final class Repository implements Closeable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Backend backend;
    private final CryptoKey key;
    private final Id keyId;
    private final RepositoryConfig config;
    private volatile BlobIndex index;
    /** Run before the first write of anything but a lock: a shared lock's pending second look ({@link #setWriteGate}). */
    private volatile Runnable writeGate;
    /** The packs each index file read so far lists (index files never change: their name is their hash). */
    private final Map<Id, List<Id>> packsByIndexFile = new ConcurrentHashMap<>();
    private final TreeRuns treeRuns;

    private Repository(Backend backend, CryptoKey key, Id keyId, RepositoryConfig config) {
        this.backend = backend;
        this.treeRuns = new TreeRuns(backend);
        if (backend instanceof CachingBackend c) {
            c.copyPacksWhere(this::holdsTrees);
        }
        this.key = key;
        this.keyId = keyId;
        this.config = config;
    }

    /** Creates a new repository (version 1 or 2) with a fresh master key and one key file for {@code password}. */
    public static Repository init(Backend backend, byte[] password, int version, long polynomial, KdfParams kdf) {
        if (version < RepositoryConfig.MIN_VERSION || version > RepositoryConfig.MAX_VERSION) {
            throw new RepositoryException(Problem.UNSUPPORTED_VERSION, backend.location(),
                    "repository version " + version + " is not supported");
        }
        try {
            if (backend.exists(FileType.CONFIG, null)) {
                throw new RepositoryException(Problem.ALREADY_EXISTS, backend.location(),
                        "a repository already exists at " + backend.location());
            }
            backend.create();
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot create the repository: "
                    + e.getMessage(), e);
        }
        CryptoKey master = CryptoKey.random();
        Id keyId = Keys.add(backend, master, password, kdf.n(), kdf.r(), kdf.p());
        byte[] rid = new byte[32];
        RANDOM.nextBytes(rid);
        RepositoryConfig config = new RepositoryConfig(version, HexFormat.of().formatHex(rid),
                Long.toHexString(polynomial));
        try {
            backend.save(FileType.CONFIG, null, master.encrypt(Json.write(config)));
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot write config: " + e.getMessage(), e);
        }
        return new Repository(backend, master, keyId, config);
    }

    /** Opens the repository with {@code password}; see {@link Problem} for the ways this fails. */
    public static Repository open(Backend backend, byte[] password) {
        byte[] stored;
        try {
            stored = backend.load(FileType.CONFIG, null);
        } catch (NoSuchFileException e) {
            throw new RepositoryException(Problem.NO_REPOSITORY, backend.location(),
                    "no repository at " + backend.location());
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot read config: " + e.getMessage(), e);
        }
        Keys.Opened opened = Keys.open(backend, password);
        RepositoryConfig config;
        try {
            config = Json.read(opened.master().decrypt(stored), RepositoryConfig.class);
        } catch (CryptoException | IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, "config", "the config file is damaged: "
                    + e.getMessage(), e);
        }
        if (config.version() < RepositoryConfig.MIN_VERSION || config.version() > RepositoryConfig.MAX_VERSION) {
            throw new RepositoryException(Problem.UNSUPPORTED_VERSION, backend.location(),
                    "repository version " + config.version() + " is not supported (1 and 2 are)");
        }
        if (config.id() == null || config.chunkerPolynomial() == null) {
            throw new RepositoryException(Problem.CORRUPTED, "config", "the config file lacks id or polynomial");
        }
        try {
            config.polynomial();
        } catch (NumberFormatException e) {
            throw new RepositoryException(Problem.CORRUPTED, "config", "invalid chunker polynomial", e);
        }
        return new Repository(backend, opened.master(), opened.keyId(), config);
    }

    public Backend backend() {
        return backend;
    }

    /**
     * This repository read through a local copy of its index files, snapshots and packs of trees in {@code root} (a folder per
     * repository id, see {@link CachingBackend}; the folders of repositories unused for 30 days are removed, {@link
     * CacheRoot#tidy}), when its store is across a network; itself otherwise. Call it right after opening: the
     * returned repository shares the store and closes it.
     */
    public Repository cachedIn(Path root, Consumer<String> warn) {
        if (!backend.overNetwork() || backend instanceof CachingBackend) {
            return this;
        }
        CacheRoot.tidy(root, config.id(), java.time.Instant.now(), warn);
        return new Repository(new CachingBackend(backend, root.resolve(config.id()), warn), key, keyId, config);
    }

    /** This repository reading its store only (what a check must do), right after opening as {@link #cachedIn}. */
    public Repository uncached() {
        return backend instanceof CachingBackend c ? new Repository(c.store(), key, keyId, config) : this;
    }

    public CryptoKey key() {
        return key;
    }

    /** The key file this repository was opened with. */
    public Id keyId() {
        return keyId;
    }

    public RepositoryConfig config() {
        return config;
    }

    /** Reads an index, snapshot or lock file: checks its hash, decrypts, and decodes (plain JSON or 0x02 + zstd). */
    public byte[] loadUnpacked(FileType type, Id id) {
        String what = type.folder() + "/" + id;
        byte[] stored;
        try {
            stored = backend.load(type, id.hex());
        } catch (NoSuchFileException e) {
            throw new RepositoryException(Problem.NOT_FOUND, what, what + " does not exist", e);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, what, "cannot read " + what + ": " + e.getMessage(), e);
        }
        if (!Id.hash(stored).equals(id)) {
            throw new RepositoryException(Problem.CORRUPTED, what, what + ": content does not match its name");
        }
        try {
            return decodeUnpacked(key.decrypt(stored));
        } catch (CryptoException | IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, what, what + ": " + e.getMessage(), e);
        }
    }

    private byte[] decodeUnpacked(byte[] plain) throws IOException {
        if (plain.length == 0 || plain[0] == '{' || plain[0] == '[') {
            return plain;
        }
        if (plain[0] == 2 && config.supportsCompression()) {
            return ZstdCodec.decompress(plain, 1, plain.length - 1, -1);
        }
        throw new IOException("not supported encoding format " + (plain[0] & 0xff));
    }

    /**
     * Holds back writes (other than lock files) until {@code gate} has returned: a shared lock's second look at the
     * other locks, which a command reads through rather than waits for. The gate throws if the look found a conflict.
     */
    public void setWriteGate(Runnable gate) {
        this.writeGate = gate;
    }

    /** Waits for the write gate (see {@link #setWriteGate}); every writer calls it before writing. */
    public void awaitWriteGate() {
        Runnable gate = writeGate;
        if (gate != null) {
            gate.run();
        }
    }

    /** Writes an index, snapshot or lock file, compressed in version 2; returns its id. */
    public Id saveUnpacked(FileType type, byte[] json) {
        if (type != FileType.LOCK) {
            awaitWriteGate();
        }
        byte[] plain;
        if (config.supportsCompression()) {
            byte[] z = ZstdCodec.compress(json);
            plain = new byte[z.length + 1];
            plain[0] = 2;
            System.arraycopy(z, 0, plain, 1, z.length);
        } else {
            plain = json;
        }
        byte[] stored = key.encrypt(plain);
        Id id = Id.hash(stored);
        try {
            backend.save(type, id.hex(), stored);
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, type.folder() + "/" + id,
                    "cannot write " + type.folder() + "/" + id + ": " + e.getMessage(), e);
        }
        return id;
    }

    /** Ids of the files of one type. */
    public List<Id> list(FileType type) {
        try {
            List<Id> ids = new ArrayList<>();
            for (FileInfo f : backend.list(type)) {
                ids.add(Id.parse(f.name()));
            }
            return ids;
        } catch (IOException e) {
            throw new RepositoryException(Problem.IO, backend.location(), "cannot list " + type.folder() + ": "
                    + e.getMessage(), e);
        }
    }

    public Snapshot loadSnapshot(Id id) {
        try {
            return Json.read(loadUnpacked(FileType.SNAPSHOT, id), Snapshot.class);
        } catch (IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, "snapshots/" + id, "snapshot does not parse: "
                    + e.getMessage(), e);
        }
    }

    /** A snapshot with its id. */
    public record SnapshotEntry(Id id, Snapshot snapshot) {
    }

    /** Every snapshot that loads, oldest first; those that do not are given to {@code onError}. */
    public List<SnapshotEntry> snapshots(java.util.function.Consumer<RepositoryException> onError) {
        List<SnapshotEntry> out = new ArrayList<>();
        List<Id> ids = list(FileType.SNAPSHOT);
        List<ParallelLoads.Outcome<Snapshot>> loaded = ParallelLoads.map(ids, this::loadSnapshot);
        for (int i = 0; i < ids.size(); i++) {
            if (loaded.get(i).error() != null) {
                onError.accept(loaded.get(i).error());
            } else {
                out.add(new SnapshotEntry(ids.get(i), loaded.get(i).value()));
            }
        }
        out.sort(Comparator.comparing((SnapshotEntry e) -> e.snapshot().instant()).thenComparing(SnapshotEntry::id));
        return out;
    }

    /** Finds a snapshot by full id, unique prefix, or {@code latest}. */
    public Id resolveSnapshot(String ref) {
        if ("latest".equals(ref)) {
            List<SnapshotEntry> all = snapshots(e -> { });
            if (all.isEmpty()) {
                throw new RepositoryException(Problem.NOT_FOUND, ref, "the repository has no snapshot");
            }
            return all.get(all.size() - 1).id();
        }
        String prefix = ref.toLowerCase(java.util.Locale.ROOT);
        Id found = null;
        for (Id id : list(FileType.SNAPSHOT)) {
            if (id.hex().startsWith(prefix)) {
                if (found != null) {
                    throw new RepositoryException(Problem.NOT_FOUND, ref, "snapshot prefix " + ref + " is ambiguous");
                }
                found = id;
            }
        }
        if (found == null || prefix.isEmpty()) {
            throw new RepositoryException(Problem.NOT_FOUND, ref, "no snapshot " + ref);
        }
        return found;
    }

    /** The index, loaded from every index file on first use. */
    public BlobIndex index() {
        BlobIndex idx = index;
        if (idx == null) {
            synchronized (this) {
                idx = index;
                if (idx == null) {
                    idx = loadIndex();
                    index = idx;
                    if (backend instanceof CachingBackend c) {
                        c.tidyPacks();
                    }
                }
            }
        }
        return idx;
    }

    /** Whether the pack named {@code name} holds trees, by the index loaded (false before it is). */
    private boolean holdsTrees(String name) {
        BlobIndex idx = index;
        return idx != null && Id.isValid(name) && idx.holdsTrees(Id.parse(name));
    }

    /**
     * Keeps a local copy of a pack of trees this process has just saved, when the repository is read through a
     * local folder ({@link #cachedIn}): the next backup reads the parent snapshot's trees from it.
     */
    public void keepTreePackCopy(Id pack, byte[] data, int length) {
        if (backend instanceof CachingBackend c) {
            c.keepPack(pack.hex(), data, length);
        }
    }

    /**
     * Starts reading the index files on a thread of its own, for a caller with other reads to make meanwhile (a
     * backup lists the snapshots to find its parent): over the internet both are round trips. {@link #index()} then
     * waits for it. Call it once the repository is locked, as any loading of the index: a prune that ended before
     * the lock must not have left its old index here. A load that fails here is made again, and reported, by the
     * next {@link #index()}.
     */
    public void loadIndexInBackground() {
        if (index != null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                index();
            } catch (RuntimeException e) {
                return; // index() in the caller's thread loads again and reports what fails
            }
        }, "hygie-index-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Forgets the loaded index, so that the next {@link #index()} reads the index files again. For operations that
     * rewrite the index (prune): the blobs it moved are then found where they now are.
     */
    public void reloadIndex() {
        synchronized (this) {
            index = null;
        }
    }

    private BlobIndex loadIndex() {
        BlobIndex idx = new BlobIndex();
        List<Id> files = list(FileType.INDEX);
        List<ParallelLoads.Outcome<List<IndexFiles.PackRecord>>> loaded = ParallelLoads.map(files,
                this::loadIndexFile);
        for (int i = 0; i < files.size(); i++) {
            ParallelLoads.Outcome<List<IndexFiles.PackRecord>> file = loaded.get(i);
            if (file.error() != null) {
                throw file.error(); // the first, in listing order, as when they were read one by one
            }
            for (IndexFiles.PackRecord p : file.value()) {
                idx.addPack(p.pack(), p.entries());
            }
            packsByIndexFile.put(files.get(i), packIds(file.value()));
        }
        idx.trimToSize();
        return idx;
    }

    /**
     * The packs that the index files now on the backend list (not the in-memory index, which also knows the packs
     * this process wrote). Index files are named by their content, so those read for the in-memory index are not
     * read again: only files written since, by another process, are.
     */
    public Set<Id> packsListedInIndexFiles() {
        index();
        List<Id> files = list(FileType.INDEX);
        List<Id> unread = new ArrayList<>();
        for (Id f : files) {
            if (!packsByIndexFile.containsKey(f)) {
                unread.add(f);
            }
        }
        List<ParallelLoads.Outcome<List<IndexFiles.PackRecord>>> loaded = ParallelLoads.map(unread,
                this::loadIndexFile);
        for (int i = 0; i < unread.size(); i++) {
            if (loaded.get(i).error() != null) {
                throw loaded.get(i).error();
            }
            packsByIndexFile.put(unread.get(i), packIds(loaded.get(i).value()));
        }
        Set<Id> listed = new HashSet<>();
        for (Id f : files) {
            listed.addAll(packsByIndexFile.get(f));
        }
        return listed;
    }

    private static List<Id> packIds(List<IndexFiles.PackRecord> records) {
        List<Id> ids = new ArrayList<>(records.size());
        for (IndexFiles.PackRecord r : records) {
            ids.add(r.pack());
        }
        return ids;
    }

    private List<IndexFiles.PackRecord> loadIndexFile(Id id) {
        byte[] json = loadUnpacked(FileType.INDEX, id);
        try {
            return IndexFiles.parse(json);
        } catch (IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, "index/" + id, "index does not parse: "
                    + e.getMessage(), e);
        }
    }

    /** Reads a blob and checks that its plaintext hashes to its id. Trees are read a run at a time ({@link TreeRuns}). */
    public byte[] loadBlob(BlobType type, Id id) {
        BlobLocation loc = index().lookup(type, id);
        if (loc == null) {
            throw new RepositoryException(Problem.NOT_FOUND, id.hex(), type.json() + " blob " + id
                    + " is not in the index");
        }
        try {
            if (type == BlobType.TREE) {
                TreeRuns.Stored stored = treeRuns.read(index(), loc);
                return decodeBlob(loc, stored.buffer(), stored.offset());
            }
            return decodeBlob(loc, backend.load(FileType.PACK, loc.pack().hex(), loc.offset(), loc.length()), 0);
        } catch (IOException e) {
            throw new RepositoryException(e instanceof NoSuchFileException ? Problem.CORRUPTED : Problem.IO,
                    "data/" + loc.pack(), "cannot read pack " + loc.pack() + ": " + e.getMessage(), e);
        }
    }

    /** Decrypts, decompresses and verifies a blob whose stored bytes start at {@code offset} of {@code buffer}. */
    public byte[] decodeBlob(BlobLocation loc, byte[] buffer, int offset) {
        String what = loc.type().json() + " blob " + loc.blob() + " in pack " + loc.pack();
        try {
            byte[] plain = key.decrypt(buffer, offset, loc.length());
            if (loc.compressed()) {
                plain = ZstdCodec.decompress(plain, 0, plain.length, loc.uncompressedLength());
            }
            if (!Id.hash(plain).equals(loc.blob())) {
                throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what + ": wrong hash");
            }
            return plain;
        } catch (CryptoException | IOException e) {
            throw new RepositoryException(Problem.CORRUPTED, loc.blob().hex(), what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A decoder for reading many blobs with reused buffers (restore, check): same checks as {@link #decodeBlob},
     * without allocating per blob. One per thread.
     */
    public BlobDecoder newBlobDecoder() {
        return new BlobDecoder(key);
    }

    @Override
    public void close() throws IOException {
        backend.close();
    }

    /** scrypt parameters for a new key file. */
    public record KdfParams(int n, int r, int p) {
        public static final KdfParams DEFAULT = new KdfParams(32768, 8, 1);
        /** For tests only: fast, and far too weak for real use. */
        public static final KdfParams TESTING = new KdfParams(1024, 8, 1);
    }
}
