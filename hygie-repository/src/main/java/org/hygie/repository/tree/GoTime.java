package org.hygie.repository.tree;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Time} JSON text: RFC 3339 with nanoseconds (reference §10.5).
 *
 * <p>{@link #format} writes what Go's {@code Format(time.RFC3339Nano)} writes: a 4-digit year, the fraction with
 * its trailing zeros removed (no dot at all for whole seconds), {@code Z} for a zero offset, otherwise
 * {@code ±hh:mm}. Seconds of an offset (historic local mean time, e.g. Paris +00:09:21 before 1911) are dropped as
 * Go drops them. {@link #parse} accepts what Go's {@code time.Parse(time.RFC3339, …)} accepts: any number of
 * fraction digits (beyond 9 they are cut), {@code .} or {@code ,} before them, {@code Z} or any {@code ±hh:mm}
 * offset up to Java's limit of 18 hours (Go would take up to 99:99; such a time is reported as invalid here).
 */
public final class GoTime {
    /** Go's zero {@code time.Time}: what a missing or null time decodes to, written back as such. */
    public static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private GoTime() {
    }

    /** The instant {@code epochSecond + nanos} seen in {@code zone}, as Go's {@code time.Unix(...).In(zone)}. */
    public static OffsetDateTime ofEpoch(long epochSecond, long nanos, ZoneId zone) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), zone);
    }

    /**
     * restic's {@code FixTime}: a year below 0 becomes 0, a year above 9999 becomes 9999; month, day and clock stay
     * (a 29 February that does not exist in the new year rolls over to 1 March, as Go's {@code AddDate} does).
     */
    public static OffsetDateTime fixYear(OffsetDateTime t) {
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            return t;
        }
        int target = year < 0 ? 0 : 9999;
        LocalDate date = LocalDate.of(target, t.getMonthValue(), 1).plusDays(t.getDayOfMonth() - 1L);
        return OffsetDateTime.of(date, t.toLocalTime(), t.getOffset());
    }

    /**
     * Go's RFC 3339 nano text of {@code t}.
     *
     * @throws IllegalArgumentException for a year outside 0…9999 (Go's {@code MarshalJSON} refuses it too; restic
     *         applies {@link #fixYear} first)
     */
    public static String format(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(35);
        appendTo(sb, t);
        return sb.toString();
    }

    static void appendTo(StringBuilder sb, OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside of range [0,9999]: " + year);
        }
        pad(sb, year, 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            sb.append('.');
            pad(sb, nanos, digits);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            sb.append('Z');
            return;
        }
        int zone = offset / 60;
        if (zone < 0) {
            sb.append('-');
            zone = -zone;
        } else {
            sb.append('+');
        }
        pad(sb, zone / 60, 2).append(':');
        pad(sb, zone % 60, 2);
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /**
     * Parses Go's RFC 3339 text, keeping the exact offset, so that {@link #format} gives the same text back.
     *
     * @throws IllegalArgumentException if {@code s} is not an RFC 3339 time that Go would accept
     */
    public static OffsetDateTime parse(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            throw bad(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int i = 19;
        int nanos = 0;
        if (i + 1 < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
            i++;
            int count = 0;
            while (i < n && isDigit(s.charAt(i))) {
                if (count < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    count++;
                }
                i++;
            }
            for (; count < 9; count++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            throw bad(s);
        }
        ZoneOffset offset;
        char z = s.charAt(i);
        if (z == 'Z') {
            offset = ZoneOffset.UTC;
            i++;
        } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            int total = oh * 3600 + om * 60;
            try {
                offset = ZoneOffset.ofTotalSeconds(z == '-' ? -total : total);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("time zone offset out of range: " + s, e);
            }
            i += 6;
        } else {
            throw bad(s);
        }
        if (i != n) {
            throw bad(s);
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time out of range: " + s, e);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(CharSequence s, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            char c = s.charAt(at + k);
            if (!isDigit(c)) {
                throw bad(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static IllegalArgumentException bad(CharSequence s) {
        return new IllegalArgumentException("not an RFC 3339 time: \"" + s + "\"");
    }
}
