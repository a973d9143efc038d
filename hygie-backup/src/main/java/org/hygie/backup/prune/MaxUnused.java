package org.hygie.backup.prune;

import java.util.Locale;

/**
 * How much unused data prune may leave behind (restic's {@code --max-unused}): a percentage of the used data
 * ({@code 5%}, restic's default, means unused may be 5 % of the total after pruning), an absolute size
 * ({@code 200M}, suffixes k, m, g, t in powers of 1024), or {@code unlimited}.
 */
public record MaxUnused(Kind kind, double percent, long bytes) {
    public static final MaxUnused DEFAULT = new MaxUnused(Kind.PERCENT, 5, 0);

    /** The three forms of the limit. */
    public enum Kind { PERCENT, BYTES, UNLIMITED }

    /** Parses restic's syntax, with restic's error messages. */
    public static MaxUnused parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid value for --max-unused: \"" + text + "\"");
        }
        if (s.equals("unlimited")) {
            return new MaxUnused(Kind.UNLIMITED, 0, 0);
        }
        if (s.endsWith("%")) {
            double p;
            try {
                p = Double.parseDouble(s.substring(0, s.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid percentage \"" + text + "\" passed for --max-unused", e);
            }
            if (p < 0) {
                throw new IllegalArgumentException("percentage for --max-unused must be positive");
            }
            if (p >= 100) {
                throw new IllegalArgumentException("percentage for --max-unused must be below 100%");
            }
            return new MaxUnused(Kind.PERCENT, p, 0);
        }
        return new MaxUnused(Kind.BYTES, 0, parseSize(s));
    }

    /** restic's {@code parseSizeStr}: a number of bytes, optionally followed by b, k, m, g or t (powers of 1024). */
    public static long parseSize(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("expected size, got empty string");
        }
        long unit;
        switch (Character.toLowerCase(s.charAt(s.length() - 1))) {
            case 'b' -> unit = 1;
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 0;
        }
        String number = unit == 0 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(number);
            if (v < 0) {
                throw new IllegalArgumentException("a size cannot be negative: " + text);
            }
            return Math.multiplyExact(v, unit == 0 ? 1 : unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid size \"" + text + "\"", e);
        }
    }

    /**
     * The unused bytes tolerated after pruning, for {@code used} bytes in use (restic's {@code maxUnusedBytes}), as
     * an unsigned 64-bit number: {@code unlimited} is 2^64 − 1, i.e. -1 read signed.
     */
    public long limit(long used) {
        switch (kind) {
            case UNLIMITED:
                return -1L;
            case BYTES:
                return bytes;
            default:
                double v = percent / (100 - percent) * used;
                return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case UNLIMITED:
                return "unlimited";
            case BYTES:
                return Long.toString(bytes);
            default:
                return String.format(Locale.ROOT, "%s%%", percent == Math.rint(percent)
                        ? Long.toString((long) percent) : Double.toString(percent));
        }
    }
}
