package org.hygie.web.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hygie.audit.backup.BackupStatus;
import org.hygie.web.practice.MediumInfo;
import org.hygie.web.practice.Night;
import org.hygie.web.practice.NightStatus;
import org.hygie.web.practice.Notice;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.practice.PracticeView;
import org.hygie.web.practice.Proof;
import org.hygie.web.practice.RetentionPlan;
import org.hygie.web.practice.SizePoint;

/**
 * A practice's state as the practice layer would report it (two disks swapped weekly and a cloud copy), to test
 * how the Backups page and the report render that interface until the practice module provides the real one.
 */
public final class SamplePractice implements PracticeView {
    private final Instant now;
    private final ZoneId zone;

    public SamplePractice(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public PracticeState state() {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant lastNight = today.atTime(2, 31).atZone(zone).toInstant();
        List<MediumInfo> media = List.of(
                new MediumInfo("disque-A", "/media/disque-A/hygie", Duration.ofDays(7), false, "tiroir du bureau", true,
                        lastNight.minus(Duration.ofDays(4)), lastNight, lastNight.minus(Duration.ofDays(2)), false),
                new MediumInfo("disque-B", "/media/disque-B/hygie", Duration.ofDays(7), false, "domicile du Dr Exemple",
                        false, lastNight.minus(Duration.ofDays(4)), lastNight.minus(Duration.ofDays(5)),
                        lastNight.minus(Duration.ofDays(6)), false),
                new MediumInfo("cloud", "s3:https://s3.hds.example.org/cabinet-exemple", null, true, null, true, null,
                        lastNight, lastNight.minus(Duration.ofDays(1)), false));
        Map<String, List<Night>> nights = new LinkedHashMap<>();
        Map<String, List<SizePoint>> sizes = new LinkedHashMap<>();
        for (MediumInfo m : media) {
            List<Night> list = new ArrayList<>();
            List<SizePoint> pts = new ArrayList<>();
            for (int i = 89; i >= 0; i--) {
                LocalDate d = today.minusDays(i);
                int week = (int) (d.toEpochDay() / 7);
                NightStatus s;
                if (m.rotates() && (week % 2 == 0) != m.name().equals("disque-A")) {
                    s = NightStatus.AWAY;
                } else if (i == 40 && m.name().equals("disque-A")) {
                    s = NightStatus.FAILED;
                } else if (i % 17 == 3) {
                    s = NightStatus.WARNING;
                } else {
                    s = i % 7 == 1 ? NightStatus.VERIFIED : NightStatus.DONE;
                }
                String detail = switch (s) {
                    case FAILED -> "disque plein";
                    case WARNING -> "2 fichiers ouverts non sauvegardés";
                    default -> null;
                };
                list.add(new Night(d, s, detail));
                pts.add(new SizePoint(d.atTime(3, 0).atZone(zone).toInstant(), (40L << 30) + (89 - i) * (120L << 20)));
            }
            nights.put(m.name(), list);
            sizes.put(m.name(), pts);
        }
        List<Proof> verifications = List.of(
                new Proof("disque-A", lastNight.minus(Duration.ofDays(2)), true,
                        "groupe 3/28 relu : 412 paquets, aucune erreur", List.of("restic check --read-data-subset 3/28")),
                new Proof("cloud", lastNight.minus(Duration.ofDays(1)), true, "groupe 9/28 relu, aucune erreur", List.of()));
        List<Proof> drills = List.of(new Proof("disque-A", lastNight.minus(Duration.ofDays(9)), true,
                "5 fichiers restaurés, identiques (SHA-256)", List.of(
                        "Patients/Martin Paul/bilan.pdf sha256 3f5a…c2", "Comptabilité/recettes 2026.csv sha256 91b0…7e")));
        return new PracticeState(true, "Cabinet du Dr Exemple", media, nights, verifications, drills, sizes,
                new RetentionPlan(14, 8, 24, 48), List.of(new Notice(false,
                        "Le disque-B est au domicile depuis 4 jours.", "Échangez les disques lundi.")),
                new BackupStatus(true, lastNight, lastNight, lastNight.minus(Duration.ofDays(1))), now);
    }
}
