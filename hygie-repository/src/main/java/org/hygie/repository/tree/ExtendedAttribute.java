package org.hygie.repository.tree;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One extended attribute of a node: its full name (namespace included, e.g. {@code user.comment}) and its value.
 * A {@code null} value (JSON {@code null}) differs from an empty one (JSON {@code ""}): restic reads an empty value
 * from the file system as empty, never as {@code null}, but a tree may hold either.
 */
public final class ExtendedAttribute {
    private final String name;
    private final byte[] value;

    private ExtendedAttribute(String name, byte[] value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value == null ? null : value.clone();
    }

    public static ExtendedAttribute of(String name, byte[] value) {
        return new ExtendedAttribute(name, value);
    }

    public String name() {
        return name;
    }

    /** A copy of the value, or {@code null}. */
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    byte[] valueNoCopy() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedAttribute other && name.equals(other.name) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=" + (value == null ? "null" : Base64.getEncoder().encodeToString(value));
    }
}
