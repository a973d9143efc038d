package org.hygie.backend.sftp;

import java.net.URI;
import java.net.URISyntaxException;
import org.hygie.repository.backend.Locations;

/**
 * An {@code sftp:} repository location, parsed as restic 0.14 parses it: {@code sftp:user@host:/abs/path} (or a path
 * relative to the login folder), and {@code sftp://user@host:port//abs/path} (a single slash after the host gives a
 * relative path). The user is optional (then the local user name), the port defaults to 22.
 */
public record SftpLocation(String user, String host, int port, String path) {
    public static final int DEFAULT_PORT = 22;

    public SftpLocation {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host name in the sftp location");
        }
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("no folder in the sftp location");
        }
    }

    /** Parses {@code location} (with its {@code sftp:} prefix); {@code defaultUser} fills a missing user name. */
    public static SftpLocation parse(String location, String defaultUser) {
        if (location.startsWith("sftp://")) {
            return parseUrl(location, defaultUser);
        }
        if (!location.startsWith("sftp:")) {
            throw new IllegalArgumentException("not an sftp location (sftp:user@host:/path)");
        }
        String rest = location.substring("sftp:".length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an sftp location is written sftp:user@host:/path (host or path missing)");
        }
        String userHost = rest.substring(0, colon);
        String dir = rest.substring(colon + 1);
        String user = defaultUser;
        String host = userHost;
        int at = userHost.lastIndexOf('@');
        if (at >= 0) {
            user = userHost.substring(0, at);
            host = userHost.substring(at + 1);
        }
        return new SftpLocation(user, host, DEFAULT_PORT, clean(dir));
    }

    private static SftpLocation parseUrl(String location, String defaultUser) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed sftp location: " + e.getReason(), e);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host name in the sftp location");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = defaultUser;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info);
        }
        String p = uri.getPath();
        if (p == null || p.length() <= 1) {
            throw new IllegalArgumentException("no folder in the sftp location (sftp://user@host:port//absolute/path)");
        }
        int port = Locations.port(uri, location);
        return new SftpLocation(user, host, port < 0 ? DEFAULT_PORT : port, clean(p.substring(1)));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Go's {@code path.Clean}: no empty or {@code .} elements, {@code ..} resolved, no trailing slash. */
    static String clean(String p) {
        if (p.startsWith("~")) {
            throw new IllegalArgumentException("an sftp folder cannot start with ~ (most servers do not expand it): "
                    + "write a path relative to the login folder without ~/, or an absolute path");
        }
        boolean abs = p.startsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!abs) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(s);
        }
        String joined = String.join("/", parts);
        if (abs) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The location in restic's syntax, for messages: {@code sftp:user@host:/path}, or the URL form with a port. */
    public String display() {
        if (port == DEFAULT_PORT) {
            return "sftp:" + user + "@" + host + ":" + path;
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "sftp://" + user + "@" + h + ":" + port + "/" + path;
    }
}
