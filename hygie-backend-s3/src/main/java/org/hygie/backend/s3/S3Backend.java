package org.hygie.backend.s3;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A repository in an S3-compatible object store, in restic's default layout ({@link S3Location}), so that restic's
 * own s3 backend reads it.
 *
 * <h2>Why the contract holds</h2>
 * <ul>
 *   <li><b>Atomic save.</b> An S3 PUT is all or nothing: the object appears under its key only once the store has
 *       all of its bytes and their checksum matched (the SHA-256 signed with every upload, which for every file
 *       but {@code config} is its name: {@link KnownHashSigner}; for {@code config}, the SHA-256 the SDK signs over
 *       HTTP, {@code Content-MD5} over HTTPS), so no partial file is ever visible, and a write cut short or
 *       damaged on the way leaves nothing behind. No temporary name is needed.</li>
 *   <li><b>Never overwrite.</b> S3 has no create-if-absent on every store, so two guards are combined. First,
 *       writes carry {@code If-None-Match: *} (AWS since 2024, MinIO, Ceph, s3proxy), and the store itself refuses
 *       to replace an object (412 → {@link FileAlreadyExistsException}). Second, every file but a pack is looked
 *       for (HEAD) before it is written, as restic checks for {@code config} before {@code init}; packs skip that
 *       request while the store honours conditional writes. What remains open, a store that ignores the header and
 *       a race between the HEAD and the PUT, is harmless for the files this can touch: every name but
 *       {@code config} is the SHA-256 of the file's bytes, so a second write of the same name carries the same
 *       bytes; and {@code config} is written once, by {@code init}, after the HEAD. This is restic's reasoning: its
 *       s3 backend does a plain PUT for everything.</li>
 *   <li><b>Retries.</b> A PUT whose answer was lost may have stored the object; the retry then finds it (HEAD or
 *       412) and {@link org.hygie.repository.backend.RetryingBackend} accepts it when its size matches.</li>
 *   <li><b>Listing</b> pages through ListObjectsV2 (1,000 keys a page) to the end, and keeps only names that are
 *       ids.</li>
 *   <li><b>Delete</b> is idempotent in S3 itself.</li>
 *   <li><b>Reads</b> of a range are ranged GETs; a pack read piece by piece is kept whole in memory after a few
 *       reads ({@link PackCache}), so that walking a snapshot's trees does not cost a round trip per folder.</li>
 * </ul>
 * Thread-safe: the SDK client and the pack cache are, and the backend keeps no other mutable state but one flag.
 */
public final class S3Backend implements Backend {
    /** The slowest upload or download still accepted before an attempt is abandoned: 64 KiB/s. */
    private static final long MIN_BYTES_PER_SECOND = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String location;
    private final S3Location where;
    /**
     * Whether every upload carries {@code Content-MD5}: only once the store asked for it (a bucket under Object
     * Lock). Otherwise the store checks each upload against the SHA-256 signed with it ({@code
     * x-amz-content-sha256}), and the MD5 would check the same bytes again at ~0.6 GB/s on each side. The one
     * exception is a file not named by its hash ({@code config}) over {@code https://}, where the SDK signs no
     * payload: that one carries the MD5.
     */
    private volatile boolean sendMd5;
    private final boolean plainHttp;
    private final S3Settings settings;
    private final S3Client s3;
    private final PackCache packCache;
    private volatile boolean conditionalPut;

    private S3Backend(String location, S3Location where, S3Settings settings, S3Client s3) {
        this.location = location;
        this.where = where;
        this.plainHttp = "http".equalsIgnoreCase(where.endpoint().getScheme());
        this.settings = settings;
        this.s3 = s3;
        this.conditionalPut = settings.conditionalPut();
        this.packCache = new PackCache(settings.packCacheBytes());
    }

    /**
     * Connects to the store of {@code location} ({@code s3:…}) and checks that the credentials are accepted; a
     * bucket that does not exist yet is fine (for {@link #create()}).
     *
     * @throws IllegalArgumentException the location is malformed
     * @throws IOException the store cannot be reached or refuses the credentials; the message says which
     */
    public static S3Backend open(String location, S3Settings settings) throws IOException {
        S3Location where = S3Location.parse(location);
        Slf4jQuiet.ensure();
        S3Backend b = new S3Backend(location, where, settings, S3Clients.build(where, settings));
        try {
            b.probe();
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** Where this backend writes, with no secret. */
    public S3Location where() {
        return where;
    }

    public S3Settings settings() {
        return settings;
    }

    /** Reads answered from the pack cache and packs fetched whole so far ({@link PackCache}). */
    public long[] packCacheStats() {
        return packCache.stats();
    }

    /** Whether writes still carry {@code If-None-Match: *} (false once the store said it does not implement it). */
    public boolean conditionalPut() {
        return conditionalPut;
    }

    @Override
    public String location() {
        return location;
    }

    /**
     * One cheap listing that needs the credentials: wrong ones fail here, at once and with a clear message, rather
     * than after the retries of the first real operation. Network failures get a few quick retries.
     */
    private void probe() throws IOException {
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(where.bucket())
                .prefix(where.folder(FileType.KEY)).maxKeys(1).overrideConfiguration(timeout(0)).build();
        long delay = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                s3.listObjectsV2(req);
                return;
            } catch (SdkException e) {
                IOException io = S3Errors.translate(e, where, "connect to " + where);
                if (io instanceof NoSuchFileException) {
                    return; // no bucket yet: create() makes it, everything else reports "no repository"
                }
                if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                        && s.statusCode() < 500 || attempt == 4 || io instanceof InterruptedIOException) {
                    throw io;
                }
            }
            sleep(delay);
            delay *= 2;
        }
    }

    @Override
    public void create() throws IOException {
        boolean bucketThere;
        try {
            s3.headBucket(b -> b.bucket(where.bucket()).overrideConfiguration(timeout(0)));
            bucketThere = true;
        } catch (SdkException e) {
            if (S3Errors.accessDenied(e)) {
                bucketThere = true; // as restic: no right to look at the bucket, but maybe to write in it
            } else if (S3Errors.notFound(e)) {
                bucketThere = false;
            } else {
                throw S3Errors.translate(e, where, "look for bucket " + where.bucket());
            }
        }
        if (!bucketThere) {
            CreateBucketRequest.Builder req = CreateBucketRequest.builder().bucket(where.bucket())
                    .overrideConfiguration(timeout(0));
            if (!settings.region().equals(S3Settings.DEFAULT_REGION)) {
                req.createBucketConfiguration(c -> c.locationConstraint(
                        BucketLocationConstraint.fromValue(settings.region())));
            }
            try {
                s3.createBucket(req.build());
            } catch (SdkException e) {
                String code = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                        ? S3Errors.code(s) : "";
                if (code.equals("BucketAlreadyExists")) {
                    throw new IOException("create bucket " + where.bucket() + ": the name is taken by another "
                            + "account of this S3 store: choose another bucket name", e);
                }
                if (!code.equals("BucketAlreadyOwnedByYou")) { // made by a concurrent init: fine
                    throw S3Errors.translate(e, where, "create bucket " + where.bucket());
                }
            }
        }
        if (exists(FileType.CONFIG, null)) {
            throw new FileAlreadyExistsException(location, null, "a repository already exists here");
        }
    }

    @Override
    public boolean exists(FileType type, String name) throws IOException {
        return head(key(type, name)) != null;
    }

    /** The object's metadata, or null when it is not there. */
    private HeadObjectResponse head(String key) throws IOException {
        try {
            return s3.headObject(b -> b.bucket(where.bucket()).key(key).overrideConfiguration(timeout(0)));
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return null;
            }
            throw S3Errors.translate(e, where, "stat " + key);
        }
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> out = new ArrayList<>();
        if (type == FileType.CONFIG) {
            HeadObjectResponse h = head(where.key(FileType.CONFIG, null));
            if (h != null) {
                out.add(new FileInfo("config", h.contentLength()));
            }
            return out;
        }
        String folder = where.folder(type);
        ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(where.bucket()).prefix(folder)
                .overrideConfiguration(timeout(0));
        if (type != FileType.PACK) {
            req.delimiter("/"); // packs are one level down (data/ab/), the rest directly in their folder
        }
        String token = null;
        do {
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(req.continuationToken(token).build());
            } catch (SdkException e) {
                if (S3Errors.notFound(e)) {
                    return out; // no bucket: nothing stored
                }
                throw S3Errors.translate(e, where, "list " + folder);
            }
            for (S3Object o : page.contents()) {
                String key = o.key();
                String name = key.substring(key.lastIndexOf('/') + 1);
                if (key.startsWith(folder) && Id.isValid(name)) {
                    out.add(new FileInfo(name, o.size()));
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        String key = key(type, name);
        GetObjectRequest req = GetObjectRequest.builder().bucket(where.bucket()).key(key)
                .overrideConfiguration(timeout(type == FileType.PACK ? 128L << 20 : 16L << 20)).build();
        try {
            return s3.getObject(req, (resp, in) -> body(resp, in, key));
        } catch (SdkException e) {
            throw unwrap(e, "read " + key);
        }
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        String key = key(type, name);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (length == 0) {
            if (head(key) == null) {
                throw new NoSuchFileException("read " + key);
            }
            return new byte[0];
        }
        if (type == FileType.PACK) {
            byte[] whole = packCache.get(name);
            if (whole == null && packCache.wantWhole(name)) {
                whole = load(type, name);
                packCache.put(name, whole);
            }
            if (whole != null) {
                if (offset + length > whole.length) {
                    throw new EOFException("read " + key + ": " + length + " bytes at " + offset
                            + " asked, the object has " + whole.length);
                }
                return Arrays.copyOfRange(whole, (int) offset, (int) offset + length);
            }
        }
        GetObjectRequest req = GetObjectRequest.builder().bucket(where.bucket()).key(key)
                .range("bytes=" + offset + "-" + (offset + length - 1))
                .overrideConfiguration(timeout(length)).build();
        byte[] got;
        String contentRange;
        try {
            Object[] r = s3.getObject(req, (resp, in) -> new Object[] {body(resp, in, key), resp.contentRange()});
            got = (byte[]) r[0];
            contentRange = (String) r[1];
        } catch (SdkException e) {
            IOException io = unwrap(e, "read " + key);
            if (io instanceof EOFException) {
                throw new EOFException("read " + key + ": " + length + " bytes at " + offset
                        + " asked, the object is shorter");
            }
            throw io;
        }
        if (contentRange == null && got.length > length) {
            // A store that ignores Range sends the whole object (200): cut the part out.
            if (offset + length > got.length) {
                throw new EOFException("read " + key + ": " + length + " bytes at " + offset
                        + " asked, the object has " + got.length);
            }
            return Arrays.copyOfRange(got, (int) offset, (int) offset + length);
        }
        if (got.length < length) {
            throw new EOFException("read " + key + ": " + length + " bytes at " + offset + " asked, the object is "
                    + "shorter (" + got.length + " bytes there)");
        }
        return got;
    }

    /** Reads exactly the announced body; a connection closed early is an error, not a short file. */
    private static byte[] body(GetObjectResponse resp, InputStream in, String key) throws IOException {
        Long len = resp.contentLength();
        if (len == null) {
            return in.readAllBytes();
        }
        if (len > Integer.MAX_VALUE - 16) {
            throw new BodyException(key + " is too large (" + len + " bytes) for a repository file");
        }
        byte[] b = new byte[(int) (long) len];
        int n = in.readNBytes(b, 0, b.length);
        if (n < b.length) {
            throw new BodyException("read " + key + ": connection closed after " + n + " of " + len + " bytes");
        }
        return b;
    }

    /** A body that could not be read whole; passed through the SDK's wrapping as it is. */
    private static final class BodyException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyException(String message) {
            super(message);
        }
    }

    /** The IOException the body reader threw (kept as it is), or the translation of the SDK's own. */
    private IOException unwrap(SdkException e, String what) {
        if (!(e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException)) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof BodyException b) {
                    return new IOException(b.getMessage(), e);
                }
            }
        }
        return S3Errors.translate(e, where, what);
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        String key = key(type, name);
        HeadObjectResponse h = head(key);
        if (h == null) {
            throw new NoSuchFileException("stat " + key);
        }
        return h.contentLength();
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(0, length, data.length);
        String key = key(type, name);
        String what = "write " + key;
        if ((type != FileType.PACK || !conditionalPut) && head(key) != null) {
            throw new FileAlreadyExistsException(what, null, "already stored");
        }
        // Every file but config is named by the SHA-256 of its bytes: signed as it is, not computed once more.
        String hash = type != FileType.CONFIG && Id.isValid(name) ? name : null;
        String md5 = sendMd5 || (hash == null && !plainHttp) ? md5(data, length) : null;
        while (true) {
            boolean conditional = conditionalPut;
            AwsRequestOverrideConfiguration.Builder options = timeout(length).toBuilder();
            if (hash != null) {
                options.putHeader(KnownHashSigner.CONTENT_SHA256, hash);
            }
            PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(where.bucket()).key(key)
                    .contentLength((long) length).contentMD5(md5).contentType("application/octet-stream")
                    .overrideConfiguration(options.build());
            if (conditional) {
                req.ifNoneMatch("*");
            }
            try {
                s3.putObject(req.build(), RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(data, 0, length), length, "application/octet-stream"));
                return;
            } catch (SdkException e) {
                if (conditional && S3Errors.notImplemented(e)) {
                    // This store does not know conditional writes: go on with HEAD before PUT only.
                    conditionalPut = false;
                    if (head(key) != null) {
                        throw new FileAlreadyExistsException(what, null, "already stored");
                    }
                    continue;
                }
                if (hash != null && S3Errors.payloadHashMismatch(e)) {
                    // Damaged on the way, or a name that is not the hash after all: once more, hashed by the SDK.
                    hash = null;
                    md5 = plainHttp && !sendMd5 ? null : md5(data, length);
                    continue;
                }
                if (md5 == null && S3Errors.wantsContentMd5(e)) {
                    sendMd5 = true; // from now on, for every upload to this store
                    md5 = md5(data, length);
                    continue;
                }
                throw S3Errors.translate(e, where, what);
            }
        }
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        String key = key(type, name);
        if (type == FileType.PACK) {
            packCache.remove(name);
        }
        try {
            s3.deleteObject(b -> b.bucket(where.bucket()).key(key).overrideConfiguration(timeout(0)));
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return; // no such object, or no bucket: gone either way
            }
            throw S3Errors.translate(e, where, "delete " + key);
        }
    }

    /**
     * Deletes a snapshot name that cannot exist (a random id): a store, or a bucket policy, that forbids deleting
     * answers 403 even for a missing object.
     */
    @Override
    public boolean deletionAllowed() throws IOException {
        byte[] rnd = new byte[32];
        RANDOM.nextBytes(rnd);
        String key = where.key(FileType.SNAPSHOT, HexFormat.of().formatHex(rnd));
        try {
            s3.deleteObject(b -> b.bucket(where.bucket()).key(key).overrideConfiguration(timeout(0)));
            return true;
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return true;
            }
            if (S3Errors.accessDenied(e)) {
                return false;
            }
            throw S3Errors.translate(e, where, "probe deletion in " + where);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(FileType type, String name) {
        if (type != FileType.CONFIG && (name == null || !Id.isValid(name))) {
            throw new IllegalArgumentException("not a repository file name: " + name);
        }
        return where.key(type, name);
    }

    /**
     * A bound on one attempt, beyond the read timeout (which catches a silent connection only while waiting for
     * an answer): twice the read timeout, plus the time to move {@code bytes} at the slowest accepted rate.
     */
    private AwsRequestOverrideConfiguration timeout(long bytes) {
        Duration d = settings.readTimeout().multipliedBy(2).plusMillis(bytes * 1000 / MIN_BYTES_PER_SECOND);
        return AwsRequestOverrideConfiguration.builder().apiCallAttemptTimeout(d).apiCallTimeout(d).build();
    }

    /** The {@code Content-MD5} header's value for {@code data[0, length)}. */
    private static String md5(byte[] data, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, 0, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public String toString() {
        return "S3Backend[" + where + "]";
    }

    @Override
    public boolean overNetwork() {
        return true;
    }
}
