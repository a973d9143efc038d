package org.hygie.repository.backend;

import java.util.Map;

/** Reading the values of backend options ({@code -o name=value}, or a medium's {@code options:}), shared by backends. */
public final class BackendOptions {
    private BackendOptions() {
    }

    /** The whole number given for {@code name}, {@code dflt} when absent or blank; a clear error when it is not one. */
    public static int wholeNumber(Map<String, String> options, String name, int dflt) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + v, e);
        }
    }
}
