package org.hygie.practice.gdpr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment as a doctor or a helper types it: {@code 2026-03-02 14:30}, {@code 2026-03-02T14:30},
 * {@code 02/03/2026 14:30} (or {@code 02/03/2026 à 14:30}), a day alone ({@code 2026-03-02}, {@code 02/03/2026}:
 * its start), or ISO 8601 with an offset ({@code 2026-03-02T14:30:00+01:00}, {@code ...Z}). Local times are in
 * {@code zone}.
 */
public final class GdprTimes {
    private static final Pattern ISO_LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?))?");
    private static final Pattern FRENCH = Pattern.compile("(\\d{2}/\\d{2}/\\d{4})(?:(?: à | )(\\d{2}:\\d{2}))?");
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private GdprTimes() {
    }

    /** The instant; throws {@link GdprRefused} ({@code bad-time}) when the text is none of the forms above. */
    public static Instant parse(String text, ZoneId zone) {
        String s = text == null ? "" : text.strip();
        try {
            Matcher iso = ISO_LOCAL.matcher(s);
            if (iso.matches()) {
                LocalDate day = LocalDate.parse(iso.group(1));
                return (iso.group(2) == null ? day.atStartOfDay() : LocalDateTime.parse(iso.group(1) + "T"
                        + iso.group(2))).atZone(zone).toInstant();
            }
            Matcher fr = FRENCH.matcher(s);
            if (fr.matches()) {
                LocalDate day = LocalDate.parse(fr.group(1), FRENCH_DAY);
                return (fr.group(2) == null ? day.atStartOfDay() : day.atTime(java.time.LocalTime.parse(fr.group(2))))
                        .atZone(zone).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new GdprRefused("bad-time", s);
        }
    }
}
