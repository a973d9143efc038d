package org.hygie.backup.forget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A calendar duration as restic writes it for {@code --keep-within*}: years, months, days and hours, e.g.
 * {@code 1y2m3d4h} (restic's {@code Duration}). Subtracting it follows Go's {@code AddDate}, which normalises
 * rather than clamps: 31 March minus one month is 3 March (2 in a leap year), not 28 February.
 */
public record KeepDuration(int years, int months, int days, int hours) {
    public static final KeepDuration ZERO = new KeepDuration(0, 0, 0, 0);

    /**
     * Parses restic's format: numbers each followed by {@code y}, {@code m}, {@code d} or {@code h}, in any order, a
     * later unit replacing an earlier one as restic does. Negative numbers parse (restic takes them) but are
     * refused by {@link ForgetPolicy}.
     *
     * @throws IllegalArgumentException with restic's wording when the text does not parse
     */
    public static KeepDuration parse(String text) {
        String s = text.strip();
        int y = 0;
        int mo = 0;
        int d = 0;
        int h = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean negative = s.charAt(i) == '-';
            if (negative) {
                i++;
            }
            int digits = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                throw new IllegalArgumentException("no number found in duration \"" + text + "\"");
            }
            int n;
            try {
                n = Integer.parseInt(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number too large in duration \"" + text + "\"", e);
            }
            if (i == s.length()) {
                throw new IllegalArgumentException("no unit found after number " + n);
            }
            switch (s.charAt(i)) {
                case 'y' -> y = n;
                case 'm' -> mo = n;
                case 'd' -> d = n;
                case 'h' -> h = n;
                default -> throw new IllegalArgumentException("invalid unit '" + s.charAt(i) + "' found after number "
                        + n);
            }
            i++;
        }
        return new KeepDuration(y, mo, d, h);
    }

    public boolean isZero() {
        return years == 0 && months == 0 && days == 0 && hours == 0;
    }

    public boolean isNegative() {
        return years < 0 || months < 0 || days < 0 || hours < 0;
    }

    /**
     * {@code t} minus this duration, as restic computes the limit of a keep-within rule:
     * {@code t.AddDate(-y, -m, -d).Add(-h hours)}. The calendar arithmetic happens on {@code t}'s wall clock,
     * and the result is placed in {@code zone}, the zone Go gives {@code t} (see {@link GoTime#zoneOf}).
     */
    public Instant before(OffsetDateTime t, ZoneId zone) {
        LocalDateTime wall = t.toLocalDateTime();
        long month0 = (long) wall.getMonthValue() - 1 - months;
        long year = (long) wall.getYear() - years + Math.floorDiv(month0, 12);
        int month = (int) Math.floorMod(month0, 12) + 1;
        LocalDate date = LocalDate.of((int) year, month, 1).plusDays((long) wall.getDayOfMonth() - 1 - days);
        Instant shifted = GoTime.resolve(date.atTime(wall.toLocalTime()), zone);
        return shifted.minusSeconds(3600L * hours);
    }

    /** restic's text: {@code 1y2m3d4h}, zero parts left out. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (years != 0) {
            b.append(years).append('y');
        }
        if (months != 0) {
            b.append(months).append('m');
        }
        if (days != 0) {
            b.append(days).append('d');
        }
        if (hours != 0) {
            b.append(hours).append('h');
        }
        return b.toString();
    }
}
