package org.hygie.practice.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as a practice writes it: a number and a unit, possibly several: {@code 7d}, {@code 4w},
 * {@code 36h}, {@code 48y}, {@code 1y6m}. Units: {@code y} years, {@code m} months, {@code w} weeks, {@code d}
 * days, {@code h} hours, as restic's {@code --keep-within} durations (weeks are written as days there).
 */
public record Span(int years, int months, int days, int hours) {
    private static final Pattern PART = Pattern.compile("(\\d{1,5})([ymwdh])");

    public static Span ofDays(int d) {
        return new Span(0, 0, d, 0);
    }

    public static Span ofYears(int y) {
        return new Span(y, 0, 0, 0);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} when it is not a span. */
    public static Span parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        int y = 0;
        int mo = 0;
        int d = 0;
        int h = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            int n = Integer.parseInt(m.group(1));
            switch (m.group(2)) {
                case "y" -> y += n;
                case "m" -> mo += n;
                case "w" -> d += 7 * n;
                case "d" -> d += n;
                default -> h += n;
            }
            at = m.end();
        }
        Span span = new Span(y, mo, d, h);
        if (span.isZero()) {
            throw new IllegalArgumentException("zero duration: " + text);
        }
        return span;
    }

    public boolean isZero() {
        return years == 0 && months == 0 && days == 0 && hours == 0;
    }

    /** The instant this span after {@code from} (calendar years and months, in UTC). */
    public Instant after(Instant from) {
        ZonedDateTime z = from.atZone(ZoneOffset.UTC).plusYears(years).plusMonths(months).plusDays(days)
                .plusHours(hours);
        return z.toInstant();
    }

    /** The instant this span before {@code from}. */
    public Instant before(Instant from) {
        ZonedDateTime z = from.atZone(ZoneOffset.UTC).minusYears(years).minusMonths(months).minusDays(days)
                .minusHours(hours);
        return z.toInstant();
    }

    /** An approximate length (a year is 365 days, a month 30), for comparisons and shares. */
    public Duration approx() {
        return Duration.ofHours(hours).plusDays(days + 30L * months + 365L * years);
    }

    /** Whole days, at least 1. */
    public long approxDays() {
        return Math.max(1, approx().toDays());
    }

    /** As restic writes a {@code --keep-within} duration ({@code 48y}, {@code 1y6m}, {@code 28d}). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (years > 0) {
            b.append(years).append('y');
        }
        if (months > 0) {
            b.append(months).append('m');
        }
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        return b.length() == 0 ? "0d" : b.toString();
    }
}
