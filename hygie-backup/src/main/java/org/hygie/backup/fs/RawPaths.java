package org.hygie.backup.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw bytes of file names and symlink targets, which Linux allows to be any bytes (not only UTF-8).
 *
 * <p>The JDK keeps a path's raw bytes inside its {@link Path} but shows them only as a {@link String} decoded with
 * the platform charset ({@code sun.jnu.encoding}), where a byte that is not in that charset becomes U+FFFD. When the
 * text is exact (no U+FFFD, and a charset whose encoding is the inverse of its decoding: UTF-8, ISO-8859-1,
 * US-ASCII) the bytes are taken from the text. Otherwise they come from {@link Path#toUri()}, which percent-escapes
 * the raw bytes: that costs one extra {@code stat} (the JDK checks whether the path is a directory) and is exact.
 */
public final class RawPaths {
    private static final Charset JNU = platformCharset();
    private static final boolean EXACT_TEXT = JNU.equals(StandardCharsets.UTF_8)
            || JNU.equals(StandardCharsets.ISO_8859_1) || JNU.equals(StandardCharsets.US_ASCII);
    private static final Path ROOT = Path.of("/");

    private RawPaths() {
    }

    private static Charset platformCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** The raw bytes of the last element of {@code path}; {@code "/"} for the root (as Go's {@code Lstat} names it). */
    public static byte[] fileName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return "/".getBytes(StandardCharsets.US_ASCII);
        }
        String text = name.toString();
        if (EXACT_TEXT && text.indexOf('\ufffd') < 0) {
            return text.getBytes(JNU);
        }
        byte[] abs = uriBytes(ROOT.resolve(name));
        int end = abs.length;
        if (end > 1 && abs[end - 1] == '/') {
            end--; // the JDK marks a directory with a slash; a name never ends with one
        }
        return java.util.Arrays.copyOfRange(abs, 1, end);
    }

    /** The raw target of the symbolic link {@code link}, byte for byte as {@code readlink(2)} gives it. */
    public static byte[] linkTarget(Path link) throws IOException {
        return bytes(Files.readSymbolicLink(link));
    }

    /** The raw bytes of a path exactly as it was built (relative stays relative; no slash is added or dropped). */
    public static byte[] bytes(Path path) {
        String text = path.toString();
        if (EXACT_TEXT && text.indexOf('\ufffd') < 0) {
            return text.getBytes(JNU);
        }
        boolean absolute = path.isAbsolute();
        byte[] abs = uriBytes(absolute ? path : ROOT.resolve(path));
        int start = absolute ? 0 : 1;
        int end = abs.length;
        if (end > start && abs[end - 1] == '/' && !text.endsWith("/")) {
            end--; // added by the JDK because the path names a directory
        }
        return java.util.Arrays.copyOfRange(abs, start, end);
    }

    /** The absolute path's raw bytes, recovered from the percent-escapes of its {@code file:} URI. */
    private static byte[] uriBytes(Path absolute) {
        String raw = absolute.toUri().getRawPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
