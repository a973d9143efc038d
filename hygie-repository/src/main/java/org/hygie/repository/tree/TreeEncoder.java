package org.hygie.repository.tree;

import java.util.Base64;
import java.util.List;
import org.hygie.repository.id.Id;

/**
 * Writes trees byte for byte as restic 0.14 does (reference §10.1, §10.2, §10.6): {@code {"nodes":[...]}} and a
 * newline, compact, node keys in Go struct order with Go's {@code omitempty} rules, names through
 * {@link GoQuote#quoteBody} then Go JSON escaping, times through restic's {@code FixTime} then {@link GoTime},
 * unsigned integers, base64 attribute values, {@code "content":null} versus {@code []}.
 *
 * <p>The nodes are written in the tree's order; a tree made with {@link Tree#of} is sorted as restic needs.
 * Thread-safe (each call uses its own buffers).
 */
public final class TreeEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TreeEncoder() {
    }

    /** The tree blob bytes; their SHA-256 is the tree id. */
    public static byte[] encode(Tree tree) {
        List<Node> nodes = tree.nodes();
        Writer w = new Writer(64 + 320 * nodes.size());
        w.out.ascii("{\"nodes\":[");
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                w.out.append((byte) ',');
            }
            w.node(nodes.get(i));
        }
        w.out.ascii("]}\n");
        return w.out.toByteArray();
    }

    /** The JSON object of one node, as it appears inside a tree. */
    public static byte[] encodeNode(Node node) {
        Writer w = new Writer(512);
        w.node(node);
        return w.out.toByteArray();
    }

    /** The tree id: SHA-256 of {@link #encode}. */
    public static Id id(Tree tree) {
        return Id.hash(encode(tree));
    }

    private static final class Writer {
        final ByteSink out;
        final ByteSink scratch = new ByteSink(256);
        final StringBuilder text = new StringBuilder(40);
        final byte[] idBytes = new byte[Id.LENGTH];

        Writer(int capacity) {
            out = new ByteSink(capacity);
        }

        void node(Node n) {
            scratch.reset();
            GoQuote.appendQuotedBody(scratch, n.nameNoCopy());
            out.ascii("{\"name\":");
            GoJson.appendString(out, scratch.array(), 0, scratch.length());
            out.ascii(",\"type\":");
            GoJson.appendString(out, n.typeName());
            unsignedIfSet(",\"mode\":", n.mode());
            time(",\"mtime\":", n.mtime());
            time(",\"atime\":", n.atime());
            time(",\"ctime\":", n.ctime());
            unsigned(",\"uid\":", n.uid());
            unsigned(",\"gid\":", n.gid());
            stringIfSet(",\"user\":", n.user());
            stringIfSet(",\"group\":", n.group());
            unsignedIfSet(",\"inode\":", n.inode());
            unsignedIfSet(",\"device_id\":", n.deviceId());
            unsignedIfSet(",\"size\":", n.size());
            unsignedIfSet(",\"links\":", n.links());
            if (n.linkTargetNoCopy().length > 0) {
                out.ascii(",\"linktarget\":");
                GoJson.appendString(out, n.linkTargetNoCopy());
            }
            List<ExtendedAttribute> xattrs = n.extendedAttributes();
            if (!xattrs.isEmpty()) {
                out.ascii(",\"extended_attributes\":[");
                for (int i = 0; i < xattrs.size(); i++) {
                    if (i > 0) {
                        out.append((byte) ',');
                    }
                    ExtendedAttribute a = xattrs.get(i);
                    out.ascii("{\"name\":");
                    GoJson.appendString(out, a.name());
                    out.ascii(",\"value\":");
                    byte[] v = a.valueNoCopy();
                    if (v == null) {
                        out.ascii("null");
                    } else {
                        out.append((byte) '"').append(Base64.getEncoder().encode(v)).append((byte) '"');
                    }
                    out.append((byte) '}');
                }
                out.append((byte) ']');
            }
            unsignedIfSet(",\"device\":", n.device());
            out.ascii(",\"content\":");
            List<Id> content = n.content();
            if (content == null) {
                out.ascii("null");
            } else {
                out.append((byte) '[');
                for (int i = 0; i < content.size(); i++) {
                    if (i > 0) {
                        out.append((byte) ',');
                    }
                    id(content.get(i));
                }
                out.append((byte) ']');
            }
            if (n.subtree() != null) {
                out.ascii(",\"subtree\":");
                id(n.subtree());
            }
            stringIfSet(",\"error\":", n.error());
            out.append((byte) '}');
        }

        private void unsigned(String key, long v) {
            out.ascii(key).ascii(Long.toUnsignedString(v));
        }

        private void unsignedIfSet(String key, long v) {
            if (v != 0) {
                unsigned(key, v);
            }
        }

        private void stringIfSet(String key, String s) {
            if (!s.isEmpty()) {
                out.ascii(key);
                GoJson.appendString(out, s);
            }
        }

        private void time(String key, java.time.OffsetDateTime t) {
            text.setLength(0);
            text.append('"');
            GoTime.appendTo(text, GoTime.fixYear(t));
            text.append('"');
            out.ascii(key).ascii(text);
        }

        private void id(Id id) {
            id.copyTo(idBytes, 0);
            out.append((byte) '"');
            for (byte b : idBytes) {
                out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            out.append((byte) '"');
        }
    }
}
