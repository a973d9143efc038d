package org.hygie.audit.fact;

import java.util.List;
import java.util.Objects;

/**
 * One fact about the workstation.
 *
 * @param id         dotted name, e.g. {@code lock.effective_timeout_s}
 * @param value      Boolean, Long, Double, String or List of String; null unless the status has a value
 * @param status     how it was obtained, or why not
 * @param source     where it was read: a command line, a file, a registry value
 * @param privileged true when reading it needed administrator rights (and they were there)
 * @param detail     for unavailable facts, the technical reason (English, e.g. the refusal message); may be null
 */
public record Fact(String id, Object value, FactStatus status, String source, boolean privileged, String detail) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        value = normalise(value);
        if (status.hasValue() && value == null) {
            throw new IllegalArgumentException("fact " + id + " is " + status + " but has no value");
        }
        if (!status.hasValue()) {
            value = null;
        }
    }

    public static Fact of(String id, Object value, String source) {
        return new Fact(id, value, FactStatus.COLLECTED, source, false, null);
    }

    public static Fact privileged(String id, Object value, String source) {
        return new Fact(id, value, FactStatus.COLLECTED, source, true, null);
    }

    public static Fact defaulted(String id, Object value, String source) {
        return new Fact(id, value, FactStatus.DEFAULTED, source, false, "setting absent: OS default");
    }

    public static Fact unavailable(String id, FactStatus status, String source, String detail) {
        if (status.hasValue()) {
            throw new IllegalArgumentException("not an unavailable status: " + status);
        }
        return new Fact(id, null, status, source, false, detail);
    }

    /** The same failure for another fact id: one refusal often hides several facts. */
    public Fact as(String otherId) {
        return new Fact(otherId, value, status, source, privileged, detail);
    }

    public boolean available() {
        return status.hasValue();
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double || v instanceof String) {
            return v;
        }
        throw new IllegalArgumentException("unsupported fact value type: " + v.getClass().getName());
    }
}
