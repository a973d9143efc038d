package org.hygie.backend.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hygie.repository.backend.Locations;

/**
 * A {@code rest:} repository location as restic writes it: {@code rest:http://host:port/path/} or
 * {@code rest:https://user:password@host:port/path/}. The base always ends with {@code /} (restic adds it); the
 * credentials are kept apart from it, so that no message ever shows the password.
 */
public record RestLocation(URI base, String user, String password) {

    public RestLocation {
        if (!base.getPath().endsWith("/")) {
            throw new IllegalArgumentException("the base of a REST location must end with /");
        }
    }

    /** Parses {@code location}, prefix included. */
    public static RestLocation parse(String location) {
        if (!location.startsWith("rest:")) {
            throw new IllegalArgumentException("not a REST location (rest:http://host:port/path/)");
        }
        String url = location.substring("rest:".length());
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed REST location " + Locations.redact(location) + ": "
                    + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("a REST location is rest:http://… or rest:https://…");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host name in the REST location " + Locations.redact(location));
        }
        Locations.port(uri, location);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info);
            password = colon >= 0 ? decode(info.substring(colon + 1)) : null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            URI base = new URI(scheme + "://" + hostPort(uri) + path);
            return new RestLocation(base, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed REST location " + Locations.redact(location), e);
        }
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The address of a file under the base ({@code config}, {@code data/…}: no {@code data/xx/} level in URLs). */
    public URI resolve(String relative) {
        return base.resolve(relative);
    }

    /** The location for messages: {@code rest:} and the base, with the user name but never the password. */
    public String display() {
        if (user == null) {
            return "rest:" + base;
        }
        return "rest:" + base.getScheme() + "://" + user + (password == null ? "" : ":***") + "@"
                + base.getRawAuthority() + base.getRawPath();
    }

    @Override
    public String toString() {
        return display();
    }
}
