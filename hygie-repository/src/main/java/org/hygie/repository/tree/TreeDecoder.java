package org.hygie.repository.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hygie.repository.id.Id;

/**
 * Reads tree blobs as leniently as restic 0.14 (Go {@code encoding/json} then {@code strconv.Unquote} of names):
 * {@code {"nodes":null}}, missing fields and {@code null} values are accepted (they give the zero value), unknown
 * keys are skipped (a newer restic adds {@code linktarget_raw}, {@code generic_attributes}, ...; their values are
 * not kept), keys match case-insensitively as in Go, the last of duplicate keys wins, and bytes that are not UTF-8
 * become U+FFFD as in Go. What Go would refuse (wrong JSON types, negative or oversized integers, fractions, bad ids
 * or times, names that are not Go string syntax, trailing data) is a {@link TreeFormatException}, and so is
 * anything else that goes wrong: a damaged tree never escapes as another exception.
 *
 * <p>Differences kept on purpose: {@code {"nodes":null}} is re-encoded as {@code []}; a {@code null} node in the
 * list is refused (restic would crash on it). Nodes keep their stored order ({@link Tree#asRead}).
 */
public final class TreeDecoder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(10_000)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .build())
            .build();
    private static final long UINT32_MAX = 0xffff_ffffL;

    private TreeDecoder() {
    }

    /**
     * Decodes a tree blob.
     *
     * @throws TreeFormatException if restic could not load it either
     */
    public static Tree decode(byte[] json) {
        try (JsonParser p = open(json)) {
            JsonToken t = p.nextToken();
            List<Node> nodes = List.of();
            if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = fold(p.currentName());
                    JsonToken v = p.nextToken();
                    if (key.equals("nodes")) {
                        nodes = readNodes(p, v);
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (t != JsonToken.VALUE_NULL) {
                throw new TreeFormatException("a tree is a JSON object, not " + describe(t));
            }
            end(p);
            return Tree.asRead(nodes);
        } catch (TreeFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TreeFormatException("damaged tree: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the JSON object of one node.
     *
     * @throws TreeFormatException if restic could not load it either
     */
    public static Node decodeNode(byte[] json) {
        try (JsonParser p = open(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new TreeFormatException("a node is a JSON object, not " + describe(t));
            }
            Node n = readNode(p, 0);
            end(p);
            return n;
        } catch (TreeFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TreeFormatException("damaged node: " + e.getMessage(), e);
        }
    }

    private static JsonParser open(byte[] json) throws IOException {
        String text = new String(GoUtf8.sanitize(json), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\ufeff') {
            throw new TreeFormatException("a tree must not start with a byte order mark");
        }
        return FACTORY.createParser(text);
    }

    private static void end(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new TreeFormatException("data after the end of the JSON value: " + describe(t));
        }
    }

    private static List<Node> readNodes(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw new TreeFormatException("\"nodes\" must be an array, not " + describe(t));
        }
        List<Node> nodes = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new TreeFormatException("node " + nodes.size() + " must be an object, not " + describe(t));
            }
            nodes.add(readNode(p, nodes.size()));
        }
        return nodes;
    }

    private static Node readNode(JsonParser p, int index) throws IOException {
        Node.Builder b = Node.builder();
        String field = null;
        try {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL && !"content".equals(fold(field))) {
                    // Go leaves the zero value (content: null is a value of its own, handled below)
                    continue;
                }
                switch (fold(field)) {
                    case "name":
                        b.name(GoQuote.unquoteBody(GoUtf8.fromJava(string(p, v))));
                        break;
                    case "type":
                        b.typeName(GoUtf8.normalize(string(p, v)));
                        break;
                    case "mode":
                        b.mode(uint32(p, v));
                        break;
                    case "mtime":
                        b.mtime(GoTime.parse(string(p, v)));
                        break;
                    case "atime":
                        b.atime(GoTime.parse(string(p, v)));
                        break;
                    case "ctime":
                        b.ctime(GoTime.parse(string(p, v)));
                        break;
                    case "uid":
                        b.uid(uint32(p, v));
                        break;
                    case "gid":
                        b.gid(uint32(p, v));
                        break;
                    case "user":
                        b.user(GoUtf8.normalize(string(p, v)));
                        break;
                    case "group":
                        b.group(GoUtf8.normalize(string(p, v)));
                        break;
                    case "inode":
                        b.inode(uint64(p, v));
                        break;
                    case "device_id":
                        b.deviceId(uint64(p, v));
                        break;
                    case "size":
                        b.size(uint64(p, v));
                        break;
                    case "links":
                        b.links(uint64(p, v));
                        break;
                    case "linktarget":
                        b.linkTarget(GoUtf8.fromJava(string(p, v)));
                        break;
                    case "extended_attributes":
                        b.extendedAttributes(readAttributes(p, v));
                        break;
                    case "device":
                        b.device(uint64(p, v));
                        break;
                    case "content":
                        b.content(readContent(p, v));
                        break;
                    case "subtree":
                        b.subtree(id(p, v));
                        break;
                    case "error":
                        b.error(GoUtf8.normalize(string(p, v)));
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
        } catch (IllegalArgumentException e) {
            throw new TreeFormatException("node " + index + ", field \"" + field + "\": " + e.getMessage(), e);
        }
        return b.build();
    }

    private static List<ExtendedAttribute> readAttributes(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("must be an array, not " + describe(t));
        }
        List<ExtendedAttribute> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String name = "";
            byte[] value = null;
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = fold(p.currentName());
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.VALUE_NULL) {
                        if (key.equals("value")) {
                            value = null;
                        }
                    } else if (key.equals("name")) {
                        name = GoUtf8.normalize(string(p, v));
                    } else if (key.equals("value")) {
                        value = base64(string(p, v));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (t != JsonToken.VALUE_NULL) {
                throw new IllegalArgumentException("an attribute must be an object, not " + describe(t));
            }
            list.add(ExtendedAttribute.of(name, value));
        }
        return list;
    }

    private static List<Id> readContent(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("must be an array of ids, not " + describe(t));
        }
        List<Id> ids = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NULL) {
                throw new IllegalArgumentException("null id at position " + ids.size());
            }
            ids.add(id(p, t));
        }
        return ids;
    }

    private static Id id(JsonParser p, JsonToken t) throws IOException {
        return Id.parse(string(p, t));
    }

    private static byte[] base64(String s) {
        return Base64.getDecoder().decode(s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                ? s : s.replace("\n", "").replace("\r", ""));
    }

    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("expected a string, not " + describe(t));
        }
        return p.getText();
    }

    private static long uint64(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("expected an unsigned integer, not " + describe(t));
        }
        String text = p.getText();
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a uint64: " + text, e);
        }
    }

    private static long uint32(JsonParser p, JsonToken t) throws IOException {
        long v = uint64(p, t);
        if (Long.compareUnsigned(v, UINT32_MAX) > 0) {
            throw new IllegalArgumentException("not a uint32: " + Long.toUnsignedString(v));
        }
        return v;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: return "an integer";
            case VALUE_NUMBER_FLOAT: return "a fractional number";
            case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.toString();
        }
    }

    /** Go's key matching: ASCII letters fold, and so do the Kelvin sign (k) and the long s (s). */
    static String fold(String key) {
        StringBuilder sb = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            char f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u212a' ? 'k' : c == '\u017f' ? 's' : c;
            if (f != c && sb == null) {
                sb = new StringBuilder(key.length()).append(key, 0, i);
            }
            if (sb != null) {
                sb.append(f);
            }
        }
        return sb == null ? key : sb.toString();
    }
}
