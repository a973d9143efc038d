package org.hygie.practice.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers the line of every value and key, so that validation
 * can name the line to fix. Only what a configuration needs: mappings, sequences, scalars.
 */
final class YamlTree {
    private YamlTree() {
    }

    /** A value with the line (1-based) where it starts. */
    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    /** A scalar; {@code text} is null for YAML's null ({@code ~} or nothing). */
    record Scalar(String text, JsonToken token, int line) implements Node {
    }

    /** A key of a mapping, with its own line. */
    record Key(String name, int line) {
    }

    record Mapping(Map<String, Entry> entries, List<Key> duplicates, int line) implements Node {
    }

    record Entry(Key key, Node value) {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** Thrown for text that is not YAML, with the line of the error. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static Node parse(String text) throws SyntaxError {
        YAMLFactory f = new YAMLFactory();
        try (JsonParser p = f.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Mapping(new LinkedHashMap<>(), List.of(), 1);
            }
            Node n = read(p);
            if (p.nextToken() != null) {
                throw new SyntaxError(line(p.currentTokenLocation()), "more than one document");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new SyntaxError(loc == null ? 0 : line(loc), msg == null ? e.getMessage() : firstLine(msg));
        } catch (IOException e) {
            throw new SyntaxError(0, e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int line(JsonLocation loc) {
        return Math.max(1, loc.getLineNr());
    }

    private static Node read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> map = new LinkedHashMap<>();
                List<Key> dups = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Key key = new Key(p.currentName(), line(p.currentTokenLocation()));
                    p.nextToken();
                    Node value = read(p);
                    if (map.containsKey(key.name())) {
                        dups.add(key);
                    } else {
                        map.put(key.name(), new Entry(key, value));
                    }
                }
                return new Mapping(map, dups, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, t, line);
            }
            default -> {
                return new Scalar(p.getText(), t, line);
            }
        }
    }
}
