package org.hygie.backend.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.Constants;

/**
 * s3proxy (Maven Central {@code org.gaul:s3proxy}) run in this JVM on 127.0.0.1 and a free port, with AWS
 * signature checking on and one test access key. Its blob store is {@code filesystem} in a temporary folder (real
 * files, so restic and Hygie running against it at once see the same objects). {@link #stop()} and {@link #restart()}
 * play an outage (the objects stay, the port is refused meanwhile); stopped and deleted by {@link #close()}.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "hygie-test-key";
    public static final String SECRET_KEY = "hygie-test-secret-0123456789";

    private final Path dir;
    private final BlobStore store;
    private S3Proxy proxy;
    private int port;

    public S3ProxyServer() throws Exception {
        dir = Files.createTempDirectory("hygie-s3proxy");
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", dir.toString());
        p.setProperty(Constants.PROPERTY_IDENTITY, ACCESS_KEY);
        p.setProperty(Constants.PROPERTY_CREDENTIAL, SECRET_KEY);
        store = BlobStores.create("filesystem", p);
        proxy = startOn(0);
        port = proxy.getPort();
    }

    private S3Proxy startOn(int wanted) throws Exception {
        S3Proxy s = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + wanted))
                .stopTimeout(0)
                .build();
        s.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(s.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + s.getState());
            }
            Thread.sleep(10);
        }
        return s;
    }

    /** Stops answering (connections to the port are refused); the objects stay for {@link #restart()}. */
    public void stop() throws Exception {
        proxy.stop();
    }

    /** Serves the same objects again on the same port, after {@link #stop()}. */
    public void restart() throws Exception {
        proxy = startOn(port);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code s3:http://127.0.0.1:PORT/bucket/prefix}, restic's syntax. */
    public String location(String bucket, String prefix) {
        return "s3:" + endpoint() + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /** Settings with the test key and short timeouts, so that stalls show up fast. */
    public static S3Settings settings() {
        return S3Settings.defaults(S3Credentials.of(ACCESS_KEY, SECRET_KEY))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    /** The environment a subprocess (restic, hygie) needs to reach this server. */
    public static Map<String, String> env() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Where the filesystem blob store keeps the objects of {@code bucket}. */
    public Path bucketDir(String bucket) {
        return dir.resolve(bucket);
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
            store.close();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is not worth failing a test for
            }
        }
    }
}
