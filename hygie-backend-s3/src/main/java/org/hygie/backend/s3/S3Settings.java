package org.hygie.backend.s3;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to talk to an S3 store, beyond its location. Built by {@link #from} out of the backend options (restic's
 * names, as given with {@code -o} there) and the environment:
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>environment</th><th>default</th></tr>
 *   <tr><td>{@code s3.region}</td><td>{@code AWS_DEFAULT_REGION}, {@code AWS_REGION}</td><td>{@code us-east-1}</td></tr>
 *   <tr><td>{@code s3.timeout}</td><td></td><td>60 s without a byte from the store</td></tr>
 *   <tr><td>{@code s3.connect-timeout}</td><td></td><td>10 s</td></tr>
 *   <tr><td>{@code s3.conditional-put}</td><td></td><td>{@code true}: writes carry {@code If-None-Match: *}</td></tr>
 *   <tr><td>{@code s3.pack-cache}</td><td></td><td>64 (MiB of packs kept in memory, see {@link PackCache}; 0: none)
 *   </td></tr>
 * </table>
 * Durations are seconds ({@code 30}) or ISO-8601 ({@code PT0.5S}). Credentials: see {@link S3Credentials}.
 *
 * @param region         the signing region; most S3-compatible stores accept any, AWS needs the bucket's
 * @param readTimeout    longest wait for the next bytes of an answer; a stalled connection fails after it and the
 *                       operation is retried
 * @param connectTimeout longest wait to open a connection
 * @param conditionalPut send {@code If-None-Match: *} on writes, so that the store itself refuses to replace an
 *                       object (AWS since 2024, MinIO, Ceph, s3proxy). A store that answers "not implemented" makes
 *                       the backend go on without it; {@code false} turns it off from the start
 * @param credentials    where the access key comes from; never printed
 * @param packCacheBytes how many bytes of packs read piece by piece may be kept in memory ({@link PackCache})
 */
public record S3Settings(String region, Duration readTimeout, Duration connectTimeout, boolean conditionalPut,
        AwsCredentialsProvider credentials, long packCacheBytes) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final long DEFAULT_PACK_CACHE = 64L << 20;
    /** The option names ({@code -o}) an S3 store takes. */
    public static final Set<String> OPTIONS = Set.of("s3.region", "s3.timeout", "s3.connect-timeout",
            "s3.conditional-put", "s3.pack-cache");

    public S3Settings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an S3 region must not be empty");
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            throw new IllegalArgumentException("S3 timeouts must be positive");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("S3 credentials must be given");
        }
        if (packCacheBytes < 0) {
            throw new IllegalArgumentException("the S3 pack cache size must not be negative");
        }
    }

    /**
     * The settings from the backend {@code options} (unknown {@code s3.*} names are refused, other prefixes belong
     * to other backends and are ignored) and the environment {@code env} ({@link System#getenv()} in production).
     */
    public static S3Settings from(Map<String, String> options, Map<String, String> env) {
        return parse(options, env, () -> S3Credentials.fromEnvironment(env));
    }

    /** Checks the {@code options} as {@link #from} does, without looking for credentials. */
    public static void checkOptions(Map<String, String> options) {
        parse(options, Map.of(), () -> S3Credentials.of("-", "-"));
    }

    private static S3Settings parse(Map<String, String> options, Map<String, String> env,
            java.util.function.Supplier<AwsCredentialsProvider> credentials) {
        for (String k : options.keySet()) {
            if (k.startsWith("s3.") && !OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown S3 option " + k + " (known: " + String.join(", ",
                        new java.util.TreeSet<>(OPTIONS)) + ")");
            }
        }
        String region = firstNonBlank(options.get("s3.region"), env.get("AWS_DEFAULT_REGION"), env.get("AWS_REGION"),
                DEFAULT_REGION);
        Duration read = duration(options, "s3.timeout", Duration.ofSeconds(60));
        Duration connect = duration(options, "s3.connect-timeout", Duration.ofSeconds(10));
        String cond = options.getOrDefault("s3.conditional-put", "true").trim().toLowerCase(java.util.Locale.ROOT);
        if (!cond.equals("true") && !cond.equals("false")) {
            throw new IllegalArgumentException("s3.conditional-put must be true or false, not " + cond);
        }
        long cache = DEFAULT_PACK_CACHE;
        String c = options.get("s3.pack-cache");
        if (c != null && !c.isBlank()) {
            try {
                cache = Long.parseLong(c.trim()) << 20;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("s3.pack-cache must be a number of MiB, not " + c, e);
            }
            if (cache < 0) {
                throw new IllegalArgumentException("s3.pack-cache must not be negative");
            }
        }
        return new S3Settings(region.trim(), read, connect, cond.equals("true"), credentials.get(), cache);
    }

    /** Settings with every default, and these credentials. */
    public static S3Settings defaults(AwsCredentialsProvider credentials) {
        return new S3Settings(DEFAULT_REGION, Duration.ofSeconds(60), Duration.ofSeconds(10), true, credentials,
                DEFAULT_PACK_CACHE);
    }

    /** The same settings with other credentials (tests, or a caller that holds its own). */
    public S3Settings withCredentials(AwsCredentialsProvider c) {
        return new S3Settings(region, readTimeout, connectTimeout, conditionalPut, c, packCacheBytes);
    }

    public S3Settings withRegion(String r) {
        return new S3Settings(r, readTimeout, connectTimeout, conditionalPut, credentials, packCacheBytes);
    }

    public S3Settings withTimeouts(Duration read, Duration connect) {
        return new S3Settings(region, read, connect, conditionalPut, credentials, packCacheBytes);
    }

    public S3Settings withConditionalPut(boolean c) {
        return new S3Settings(region, readTimeout, connectTimeout, c, credentials, packCacheBytes);
    }

    public S3Settings withPackCache(long bytes) {
        return new S3Settings(region, readTimeout, connectTimeout, conditionalPut, credentials, bytes);
    }

    private static Duration duration(Map<String, String> options, String name, Duration dflt) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        v = v.trim();
        try {
            Duration d = v.startsWith("P") || v.startsWith("p") ? Duration.parse(v)
                    : Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + v);
            }
            return d;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, not " + v, e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Region and timeouts; never the credentials. */
    @Override
    public String toString() {
        return "S3Settings[region=" + region + ", readTimeout=" + readTimeout + ", connectTimeout=" + connectTimeout
                + ", conditionalPut=" + conditionalPut + ", packCacheBytes=" + packCacheBytes + "]";
    }
}
