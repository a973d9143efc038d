package org.hygie.repository.tree;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hygie.repository.id.Id;

/**
 * One entry of a tree, with restic 0.14's fields (reference §10.2). Immutable; build with {@link #builder}.
 *
 * <p>The name and the symlink target are raw bytes, as on a Linux file system and in Go: a name that is not valid
 * UTF-8 survives decode and encode unchanged. Times keep their nanoseconds and their UTC offset, so that the same
 * text is written back. Unsigned Go integers ({@code uint64} inode, device, size, links; {@code uint32} uid, gid,
 * mode) are held in {@code long}s and written unsigned. Absent strings are {@code ""}; absent times are
 * {@link GoTime#ZERO}; {@code content} is {@code null} unless it is a list ({@code []} for an empty file).
 */
public final class Node {
    private static final long UINT32_MAX = 0xffff_ffffL;

    private final byte[] name;
    private final String typeName;
    private final NodeType type;
    private final long mode;
    private final OffsetDateTime mtime;
    private final OffsetDateTime atime;
    private final OffsetDateTime ctime;
    private final long uid;
    private final long gid;
    private final String user;
    private final String group;
    private final long inode;
    private final long deviceId;
    private final long size;
    private final long links;
    private final byte[] linkTarget;
    private final List<ExtendedAttribute> extendedAttributes;
    private final long device;
    private final List<Id> content;
    private final Id subtree;
    private final String error;

    private Node(Builder b) {
        name = b.name.clone();
        typeName = b.typeName;
        type = NodeType.fromJsonName(b.typeName);
        mode = b.mode;
        mtime = b.mtime;
        atime = b.atime;
        ctime = b.ctime;
        uid = b.uid;
        gid = b.gid;
        user = b.user;
        group = b.group;
        inode = b.inode;
        deviceId = b.deviceId;
        size = b.size;
        links = b.links;
        linkTarget = b.linkTarget.clone();
        extendedAttributes = List.copyOf(b.extendedAttributes);
        device = b.device;
        content = b.content == null ? null : Collections.unmodifiableList(new ArrayList<>(b.content));
        subtree = b.subtree;
        error = b.error;
    }

    /** A builder for a node of a known type. */
    public static Builder builder(NodeType type, String name) {
        return new Builder().type(type).name(name);
    }

    /** A builder for a node of a known type with a raw name. */
    public static Builder builder(NodeType type, byte[] name) {
        return new Builder().type(type).name(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this node's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.typeName = typeName;
        b.mode = mode;
        b.mtime = mtime;
        b.atime = atime;
        b.ctime = ctime;
        b.uid = uid;
        b.gid = gid;
        b.user = user;
        b.group = group;
        b.inode = inode;
        b.deviceId = deviceId;
        b.size = size;
        b.links = links;
        b.linkTarget = linkTarget;
        b.extendedAttributes = new ArrayList<>(extendedAttributes);
        b.device = device;
        b.content = content == null ? null : new ArrayList<>(content);
        b.subtree = subtree;
        b.error = error;
        return b;
    }

    /** A copy of the raw name bytes. */
    public byte[] name() {
        return name.clone();
    }

    byte[] nameNoCopy() {
        return name;
    }

    /** The name for display: UTF-8, with U+FFFD for bytes that are not UTF-8. */
    public String nameString() {
        return new String(name, StandardCharsets.UTF_8);
    }

    public NodeType type() {
        return type;
    }

    /** The type text as stored: {@code type().jsonName()}, or the unknown string. */
    public String typeName() {
        return typeName;
    }

    /** Go {@code os.FileMode} bits (see {@link GoFileMode}). */
    public long mode() {
        return mode;
    }

    public OffsetDateTime mtime() {
        return mtime;
    }

    public OffsetDateTime atime() {
        return atime;
    }

    public OffsetDateTime ctime() {
        return ctime;
    }

    /** uint32. */
    public long uid() {
        return uid;
    }

    /** uint32. */
    public long gid() {
        return gid;
    }

    /** User name, {@code ""} when none was found. */
    public String user() {
        return user;
    }

    public String group() {
        return group;
    }

    /** uint64 (compare with {@link Long#compareUnsigned}). */
    public long inode() {
        return inode;
    }

    /** {@code st_dev}, uint64. */
    public long deviceId() {
        return deviceId;
    }

    /** uint64. */
    public long size() {
        return size;
    }

    /** uint64. */
    public long links() {
        return links;
    }

    /** A copy of the raw symlink target; empty when none. */
    public byte[] linkTarget() {
        return linkTarget.clone();
    }

    byte[] linkTargetNoCopy() {
        return linkTarget;
    }

    /** The symlink target for display: UTF-8, with U+FFFD for bytes that are not UTF-8. */
    public String linkTargetString() {
        return new String(linkTarget, StandardCharsets.UTF_8);
    }

    public List<ExtendedAttribute> extendedAttributes() {
        return extendedAttributes;
    }

    /** {@code st_rdev} of a device, uint64. */
    public long device() {
        return device;
    }

    /** The data blob ids of a file in order, or {@code null} (every other type). */
    public List<Id> content() {
        return content;
    }

    /** The tree of a directory, or {@code null}. */
    public Id subtree() {
        return subtree;
    }

    public String error() {
        return error;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && Arrays.equals(name, n.name) && typeName.equals(n.typeName) && mode == n.mode
                && mtime.equals(n.mtime) && atime.equals(n.atime) && ctime.equals(n.ctime) && uid == n.uid
                && gid == n.gid && user.equals(n.user) && group.equals(n.group) && inode == n.inode
                && deviceId == n.deviceId && size == n.size && links == n.links
                && Arrays.equals(linkTarget, n.linkTarget) && extendedAttributes.equals(n.extendedAttributes)
                && device == n.device && Objects.equals(content, n.content) && Objects.equals(subtree, n.subtree)
                && error.equals(n.error);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(name) * 31 + Objects.hash(typeName, mode, mtime, inode, size, content, subtree);
    }

    @Override
    public String toString() {
        return "Node[" + new String(GoQuote.quote(name), StandardCharsets.UTF_8) + " " + typeName + " mode="
                + Long.toOctalString(mode) + " size=" + Long.toUnsignedString(size) + " mtime=" + GoTime.format(GoTime.fixYear(mtime))
                + (subtree != null ? " subtree=" + subtree.shortHex() : "")
                + (content != null ? " blobs=" + content.size() : "") + "]";
    }

    /** Builds a {@link Node}; every setter checks its argument. */
    public static final class Builder {
        private byte[] name = new byte[0];
        private String typeName = "";
        private long mode;
        private OffsetDateTime mtime = GoTime.ZERO;
        private OffsetDateTime atime = GoTime.ZERO;
        private OffsetDateTime ctime = GoTime.ZERO;
        private long uid;
        private long gid;
        private String user = "";
        private String group = "";
        private long inode;
        private long deviceId;
        private long size;
        private long links;
        private byte[] linkTarget = new byte[0];
        private List<ExtendedAttribute> extendedAttributes = new ArrayList<>();
        private long device;
        private List<Id> content;
        private Id subtree;
        private String error = "";

        private Builder() {
        }

        /** The name as raw bytes (copied). */
        public Builder name(byte[] raw) {
            name = Objects.requireNonNull(raw, "name").clone();
            return this;
        }

        /** The name as its UTF-8 bytes. */
        public Builder name(String s) {
            name = GoUtf8.fromJava(Objects.requireNonNull(s, "name"));
            return this;
        }

        public Builder type(NodeType t) {
            if (t == null || t == NodeType.UNKNOWN) {
                throw new IllegalArgumentException("a node type must be one of restic's seven, not " + t);
            }
            typeName = t.jsonName();
            return this;
        }

        /** Any type string, for trees read from elsewhere. */
        public Builder typeName(String s) {
            typeName = Objects.requireNonNull(s, "type");
            return this;
        }

        /** Go {@code os.FileMode} bits, 0 to 2^32 - 1. */
        public Builder mode(long goMode) {
            mode = uint32(goMode, "mode");
            return this;
        }

        public Builder mtime(OffsetDateTime t) {
            mtime = Objects.requireNonNull(t, "mtime");
            return this;
        }

        public Builder atime(OffsetDateTime t) {
            atime = Objects.requireNonNull(t, "atime");
            return this;
        }

        public Builder ctime(OffsetDateTime t) {
            ctime = Objects.requireNonNull(t, "ctime");
            return this;
        }

        public Builder uid(long v) {
            uid = uint32(v, "uid");
            return this;
        }

        public Builder gid(long v) {
            gid = uint32(v, "gid");
            return this;
        }

        public Builder user(String s) {
            user = Objects.requireNonNull(s, "user");
            return this;
        }

        public Builder group(String s) {
            group = Objects.requireNonNull(s, "group");
            return this;
        }

        /** uint64 bits. */
        public Builder inode(long v) {
            inode = v;
            return this;
        }

        /** uint64 bits. */
        public Builder deviceId(long v) {
            deviceId = v;
            return this;
        }

        /** uint64 bits. */
        public Builder size(long v) {
            size = v;
            return this;
        }

        /** uint64 bits. */
        public Builder links(long v) {
            links = v;
            return this;
        }

        /** The symlink target as raw bytes (copied). */
        public Builder linkTarget(byte[] raw) {
            linkTarget = Objects.requireNonNull(raw, "linkTarget").clone();
            return this;
        }

        public Builder linkTarget(String s) {
            linkTarget = GoUtf8.fromJava(Objects.requireNonNull(s, "linkTarget"));
            return this;
        }

        public Builder extendedAttributes(List<ExtendedAttribute> list) {
            extendedAttributes = new ArrayList<>(Objects.requireNonNull(list, "extendedAttributes"));
            return this;
        }

        public Builder addExtendedAttribute(ExtendedAttribute a) {
            extendedAttributes.add(Objects.requireNonNull(a, "extended attribute"));
            return this;
        }

        /** uint64 bits. */
        public Builder device(long v) {
            device = v;
            return this;
        }

        /** The data blob ids; {@code null} for no list (written {@code null}), empty for an empty file. */
        public Builder content(List<Id> ids) {
            if (ids != null) {
                for (Id id : ids) {
                    Objects.requireNonNull(id, "content id");
                }
            }
            content = ids == null ? null : new ArrayList<>(ids);
            return this;
        }

        public Builder subtree(Id id) {
            subtree = id;
            return this;
        }

        public Builder error(String s) {
            error = Objects.requireNonNull(s, "error");
            return this;
        }

        public Node build() {
            return new Node(this);
        }

        private static long uint32(long v, String what) {
            if (v < 0 || v > UINT32_MAX) {
                throw new IllegalArgumentException(what + " must be a uint32 (0 to 4294967295), not " + v);
            }
            return v;
        }
    }
}
