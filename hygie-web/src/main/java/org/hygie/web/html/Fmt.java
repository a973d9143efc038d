package org.hygie.web.html;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, durations and sizes as the doctor reads them, in the page's language and the computer's time zone. */
public final class Fmt {
    private final I18n i18n;
    private final ZoneId zone;

    public Fmt(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    private boolean fr() {
        return !"en".equals(i18n.lang());
    }

    public String dateTime(Instant t) {
        if (t == null) {
            return i18n.t("never");
        }
        return DateTimeFormatter.ofPattern(fr() ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm").withZone(zone).format(t);
    }

    public String date(Instant t) {
        return t == null ? i18n.t("never") : date(t.atZone(zone).toLocalDate());
    }

    public String date(LocalDate d) {
        return DateTimeFormatter.ofPattern(fr() ? "dd/MM/yyyy" : "yyyy-MM-dd").format(d);
    }

    /** A long date for the report: "27 novembre 2026". */
    public String longDate(Instant t) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", fr() ? Locale.FRENCH : Locale.ENGLISH).withZone(zone).format(t);
    }

    /** "3 jours", "5 heures", "12 minutes". */
    public String duration(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return i18n.t("duration.days", days);
        }
        long hours = d.toHours();
        if (hours >= 2) {
            return i18n.t("duration.hours", hours);
        }
        return i18n.t("duration.minutes", Math.max(0, d.toMinutes()));
    }

    /** "il y a 3 jours" / "3 days ago". */
    public String ago(Instant t, Instant now) {
        return t == null ? i18n.t("never") : i18n.t("ago", duration(Duration.between(t, now)));
    }

    public String bytes(long n) {
        String[] units = fr() ? new String[] {"o", "Kio", "Mio", "Gio", "Tio"} : new String[] {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String num = u == 0 ? String.valueOf(n) : String.format(fr() ? Locale.FRENCH : Locale.ENGLISH, "%.1f", v);
        return num + "\u00a0" + units[u];
    }
}
