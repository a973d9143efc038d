package org.hygie.backup.fs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawPathsTest {
    @TempDir
    Path dir;

    static byte[] latin1(String s) {
        return s.getBytes(ISO_8859_1);
    }

    List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void gives_the_raw_bytes_of_names_that_are_not_utf8() throws Exception {
        Shell.sh(dir, "touch \"$(printf 'bad\\377\\376name')\" && mkdir \"$(printf 'd\\351')\" && touch 'ok \u00e9\ufffd'");
        List<byte[]> names = entries().stream().map(RawPaths::fileName).toList();
        assertEquals(3, names.size());
        List<String> seen = names.stream().map(b -> new String(b, ISO_8859_1)).sorted().toList();
        assertEquals(List.of("bad\u00ff\u00fename", "d\u00e9", new String("ok \u00e9\ufffd".getBytes(UTF_8), ISO_8859_1)), seen);
    }

    @Test
    void gives_symlink_targets_byte_for_byte() throws Exception {
        Shell.sh(dir, "mkdir sub && ln -s \"$(printf 't\\377x')\" bad && ln -s 'sub/' slash && ln -s 'a//b' double"
                + " && ln -s \"$(printf '/tmp/\\377')\" abs && ln -s \"$(printf 'sub\\377/')\" badslash && ln -s ../sub up");
        assertArrayEquals(latin1("t\u00ffx"), RawPaths.linkTarget(dir.resolve("bad")));
        assertArrayEquals(latin1("sub/"), RawPaths.linkTarget(dir.resolve("slash")));
        assertArrayEquals(latin1("a//b"), RawPaths.linkTarget(dir.resolve("double")));
        assertArrayEquals(latin1("/tmp/\u00ff"), RawPaths.linkTarget(dir.resolve("abs")));
        assertArrayEquals(latin1("sub\u00ff/"), RawPaths.linkTarget(dir.resolve("badslash")));
        assertArrayEquals(latin1("../sub"), RawPaths.linkTarget(dir.resolve("up")));
    }

    @Test
    void a_directory_named_with_bad_bytes_keeps_no_trailing_slash() throws Exception {
        Shell.sh(dir, "mkdir \"$(printf 'x\\377')\" && ln -s \"$(printf 'x\\377')\" tolink && ln -s \"$(printf '%s/x\\377' \"$PWD\")\" toabs");
        assertArrayEquals(latin1("x\u00ff"), RawPaths.linkTarget(dir.resolve("tolink")));
        byte[] abs = RawPaths.linkTarget(dir.resolve("toabs"));
        assertEquals((byte) 0xff, abs[abs.length - 1]);
        assertArrayEquals(latin1("/"), RawPaths.fileName(Path.of("/")));
    }
}
