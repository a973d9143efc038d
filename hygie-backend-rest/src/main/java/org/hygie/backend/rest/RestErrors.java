package org.hygie.backend.rest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an HTTP status into the exceptions the {@link org.hygie.repository.backend.Backend} contract names. */
final class RestErrors {
    private RestErrors() {
    }

    static IOException of(String what, String shown, HttpResponse<byte[]> r) {
        int code = r.statusCode();
        return switch (code) {
            case 404 -> new NoSuchFileException(shown);
            case 401 -> new AccessDeniedException(shown, null,
                    "the server refused the user name or password (401)");
            case 403 -> new AccessDeniedException(shown, null, "the server refused to " + what + " (403)");
            case 507 -> new IOException(what + " " + shown + ": the server's storage is full (507)");
            default -> new IOException(what + " " + shown + ": the server answered " + code + body(r));
        };
    }

    private static String body(HttpResponse<byte[]> r) {
        byte[] b = r.body();
        if (b == null || b.length == 0) {
            return "";
        }
        String s = new String(b, 0, Math.min(b.length, 200), StandardCharsets.UTF_8).strip();
        return s.isEmpty() || !s.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t') ? "" : " (" + s + ")";
    }
}
