package org.hygie.backend.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;

/**
 * An S3 location as restic 0.14 writes it ({@code internal/backend/s3/config.go}):
 * <ul>
 *   <li>{@code s3:https://endpoint[:port]/bucket[/prefix]} or {@code s3:http://…} (plain HTTP, for a store on the
 *       local network or a test server);</li>
 *   <li>{@code s3:endpoint/bucket[/prefix]} and {@code s3://endpoint/bucket[/prefix]}, both meaning HTTPS.</li>
 * </ul>
 * The prefix is cleaned as Go's {@code path.Clean} does ({@code a//b/} is {@code a/b}); no prefix means the
 * repository fills the bucket from its root. Credentials never go in a location: a {@code user:password@} part is
 * refused, so that a secret cannot end up in a message, a log or the shell history.
 *
 * <p>Object keys follow restic's default layout, which its s3 backend uses: {@code prefix/config},
 * {@code prefix/keys/ID}, {@code prefix/data/ab/abcd…} (packs under the first two hex digits of their id).
 *
 * @param endpoint where the store answers, {@code scheme://host[:port]} with no path
 * @param bucket   the bucket's name
 * @param prefix   the folder inside the bucket, without leading or trailing slash; empty for the bucket's root
 */
public record S3Location(URI endpoint, String bucket, String prefix) {
    /** S3's bucket naming rules, which the SDK enforces before sending anything. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** Parses a location that starts with {@code s3:}; the message of the exception says what is wrong. */
    public static S3Location parse(String location) {
        if (!location.startsWith("s3:")) {
            throw new IllegalArgumentException("not an S3 location (s3:https://host/bucket/prefix): " + location);
        }
        String rest = location.substring(3);
        if (rest.startsWith("http://") || rest.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(rest);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid S3 address " + rest + ": " + e.getReason(), e);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("an S3 location must not hold credentials: give them in "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host in the S3 address " + rest);
            }
            Locations.port(uri, location);
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("an S3 location has no ?query or #fragment: " + rest);
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            URI endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
            return fromPath(endpoint, path.startsWith("/") ? path.substring(1) : path);
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in the S3 location " + location);
        }
        if (host.contains("@")) {
            throw new IllegalArgumentException("an S3 location must not hold credentials: give them in "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        URI endpoint;
        try {
            endpoint = new URI("https://" + host);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid S3 host " + host + ": " + e.getReason(), e);
        }
        Locations.port(endpoint, location);
        return fromPath(endpoint, slash < 0 ? "" : rest.substring(slash + 1));
    }

    private static S3Location fromPath(URI endpoint, String path) {
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket name in the S3 location (s3:https://host/bucket/prefix)");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("'" + bucket + "' is not a valid S3 bucket name: 3 to 63 characters, "
                    + "lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit");
        }
        return new S3Location(endpoint, bucket, cleanPrefix(slash < 0 ? "" : path.substring(slash + 1)));
    }

    private static String cleanPrefix(String raw) {
        List<String> parts = new ArrayList<>();
        for (String p : raw.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                throw new IllegalArgumentException("'..' is not allowed in an S3 prefix: " + raw);
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    /** Whether the store is reached over plain HTTP (no TLS). */
    public boolean plainHttp() {
        return "http".equals(endpoint.getScheme());
    }

    /** The object key of a repository file ({@code name} is ignored for {@code CONFIG}). */
    public String key(FileType type, String name) {
        return switch (type) {
            case CONFIG -> join("config");
            case PACK -> join("data/" + name.substring(0, 2) + "/" + name);
            default -> join(type.folder() + "/" + name);
        };
    }

    /** The key prefix under which the files of {@code type} are listed, ending with a slash. */
    public String folder(FileType type) {
        return join(type.folder()) + "/";
    }

    private String join(String path) {
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    /** Endpoint, bucket and prefix, for messages (holds no secret). */
    @Override
    public String toString() {
        return endpoint + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
