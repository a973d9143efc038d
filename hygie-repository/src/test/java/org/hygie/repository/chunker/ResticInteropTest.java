package org.hygie.repository.chunker;

import org.hygie.repository.id.Id;
import org.hygie.repository.testing.Restic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real restic 0.14 backs up files into a repository with its own random polynomial; our chunker, given that
 * polynomial, must cut every file into exactly the blobs restic stored, in order.
 */
@Tag("interop")
class ResticInteropTest {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    @Test
    void chunks_equal_the_content_blobs_of_a_restic_backup(@TempDir Path dir) throws IOException {
        Path source = Files.createDirectory(dir.resolve("src"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.bin", new byte[0]);
        files.put("small.bin", TestData.random(1, 100 * KIB));
        files.put("three.bin", TestData.random(2, 3 * MIB));
        files.put("twenty.bin", TestData.random(3, 20 * MIB));
        files.put("repeated.bin", TestData.concat(
                TestData.repeat(TestData.random(4, 3 * MIB / 2), 6 * MIB), // the same 1.5 MiB four times
                new byte[2 * MIB],                                         // zeros: cuts at MinSize
                TestData.repeat(TestData.random(5, 100), 9 * MIB),         // short period: cuts at MaxSize
                TestData.random(6, 700 * KIB)));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(source.resolve(file.getKey()), file.getValue());
        }

        Restic restic = new Restic(dir.resolve("repo"), "chunker");
        restic.ok("init");
        restic.ok(dir, "backup", "src");
        Polynomial polynomial = Polynomial.parse(restic.polynomial());
        assertTrue(polynomial.isIrreducible(), "restic's polynomial " + polynomial);
        Map<String, List<String>> contents = fileContents(restic, restic.rootTree(restic.onlySnapshot()), "");

        Chunker chunker = new Chunker(polynomial);
        for (String name : files.keySet()) {
            List<String> expected = contents.get("src/" + name);
            assertNotNull(expected, "restic's snapshot has no file src/" + name + ": " + contents.keySet());
            assertEquals(files.get(name).length == 0, expected.isEmpty(), name);
            try (InputStream in = Files.newInputStream(source.resolve(name))) {
                List<String> actual = TestData.ids(TestData.chunks(chunker, in));
                assertEquals(expected, actual, name + " with polynomial " + polynomial);
            }
        }
        // 17.7 MiB cut at 8 MiB at most, and its 2 MiB of zeros cut at every MinSize: at least 4 blobs whatever
        // polynomial restic drew (how many more depends on it)
        assertFalse(contents.get("src/repeated.bin").size() < 4, "repeated.bin should give several blobs");
    }

    /** Every file below tree {@code id}: path → its content blob ids, as restic stored them. */
    private static Map<String, List<String>> fileContents(Restic restic, Id id, String prefix) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        JsonNode tree;
        try {
            tree = org.hygie.repository.json.Json.MAPPER.readTree(restic.blob(id));
        } catch (IOException e) {
            throw new AssertionError("tree " + id + " is not JSON", e);
        }
        for (JsonNode node : tree.get("nodes")) {
            String path = prefix + node.get("name").asText();
            switch (node.get("type").asText()) {
                case "dir" -> files.putAll(fileContents(restic, Id.parse(node.get("subtree").asText()), path + "/"));
                case "file" -> {
                    List<String> ids = new ArrayList<>();
                    JsonNode content = node.get("content");
                    if (content != null) {
                        content.forEach(blob -> ids.add(blob.asText()));
                    }
                    files.put(path, ids);
                }
                default -> { }
            }
        }
        return files;
    }
}
