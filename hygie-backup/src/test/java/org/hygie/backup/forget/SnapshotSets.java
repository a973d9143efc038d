package org.hygie.backup.forget;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hygie.backup.testing.HandmadeRepo;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.snapshot.Snapshot;

/**
 * Lists of snapshots with chosen dates, written as snapshot files into a repository (all pointing at one empty
 * tree: forget reads only the snapshot files), for the table test against restic. No two snapshots share an
 * instant: restic orders such ties by the order the files are listed, which varies.
 */
final class SnapshotSets {
    static final String PASSWORD = "oubli";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SnapshotSets() {
    }

    /** One snapshot to write. {@code time} is RFC 3339 text, written as given. */
    record Spec(String time, String host, List<String> paths, List<String> tags) {
    }

    /** A named list of snapshots, and the zone restic runs in ({@code TZ}) for it. */
    record Set(String name, String tz, List<Spec> specs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Repository write(Path dir, Set set) {
        Repository repo = Repository.init(new LocalBackend(dir), PASSWORD.getBytes(StandardCharsets.UTF_8), 2,
                0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
        Id tree = new HandmadeRepo(repo).tree("{\"nodes\":[]}\n");
        for (Spec s : set.specs()) {
            Snapshot sn = new Snapshot(s.time(), null, tree.hex(), s.paths(), s.host(), "docteur", 1000, 1000, null,
                    s.tags().isEmpty() ? null : s.tags(), null);
            repo.saveUnpacked(FileType.SNAPSHOT, Json.write(sn));
        }
        return repo;
    }

    /** The same snapshots in memory only (ids: the hash of their JSON), for tests that need no repository. */
    static List<Repository.SnapshotEntry> entries(Set set) {
        Id tree = Id.hash(new byte[0]);
        List<Repository.SnapshotEntry> out = new ArrayList<>();
        for (Spec s : set.specs()) {
            Snapshot sn = new Snapshot(s.time(), null, tree.hex(), s.paths(), s.host(), "docteur", 1000, 1000, null,
                    s.tags().isEmpty() ? null : s.tags(), null);
            out.add(new Repository.SnapshotEntry(Id.hash(Json.write(sn)), sn));
        }
        return out;
    }

    static List<Set> all() {
        return List.of(dailiesParis(), isoWeek53(), hostsAndTags(), monthEnds(), daylightSavingParis(),
                londonOffset(false), londonOffset(true));
    }

    private static String at(LocalDateTime wall, String zone) {
        return ZonedDateTime.of(wall, ZoneId.of(zone)).format(RFC3339);
    }

    /** Every night from late November to mid-March (a leap February), extra snapshots, the new year's night. */
    static Set dailiesParis() {
        List<Spec> s = new ArrayList<>();
        List<String> paths = List.of("/home/cabinet");
        int i = 0;
        for (LocalDate d = LocalDate.of(2023, 11, 25); !d.isAfter(LocalDate.of(2024, 3, 12)); d = d.plusDays(1)) {
            List<String> tags = i % 7 == 0 ? List.of("hebdo", "nuit") : List.of("nuit");
            s.add(new Spec(at(d.atTime(2, 30), "Europe/Paris"), "cabinet", paths, tags));
            if (i % 5 == 0) {
                s.add(new Spec(at(d.atTime(13, 15, 7), "Europe/Paris"), "cabinet", paths, List.of("manuel")));
            }
            i++;
        }
        s.add(new Spec("2023-12-31T23:59:59.999+01:00", "cabinet", paths, List.of()));
        s.add(new Spec("2024-01-01T00:00:00.5+01:00", "cabinet", paths, List.of()));
        return new Set("dailies-paris", "Europe/Paris", s);
    }

    /** Around the new years of 2016 and 2021 (2015 and 2020 have an ISO week 53), offsets either side of UTC. */
    static Set isoWeek53() {
        List<Spec> s = new ArrayList<>();
        List<String> paths = List.of("/srv");
        for (int year : new int[] {2015, 2020}) {
            for (LocalDate d = LocalDate.of(year, 12, 18); !d.isAfter(LocalDate.of(year + 1, 1, 12));
                    d = d.plusDays(1)) {
                s.add(new Spec(d.atTime(12, 0) + ":00Z", "serveur", paths, List.of()));
                s.add(new Spec(d.atTime(23, 30) + ":00-05:00", "serveur", paths, List.of()));
                s.add(new Spec(d.atTime(0, 45) + ":00+09:00", "serveur", paths, List.of()));
            }
        }
        return new Set("iso-week-53", "UTC", s);
    }

    /** Random times over six years, three hosts, path sets in both orders, overlapping tags. */
    static Set hostsAndTags() {
        Random rnd = new Random(2024);
        String[] hosts = {"poste-1", "poste-2", "nas"};
        String[] zones = {"America/New_York", "UTC", "Asia/Kolkata"};
        List<List<String>> pathSets = List.of(List.of("/a"), List.of("/b", "/a"), List.of("/a", "/b"),
                List.of("/c"));
        String[] tagPool = {"nuit", "manuel", "a", "b"};
        List<Spec> s = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2019, 1, 1, 0, 0);
        for (int i = 0; i < 160; i++) {
            int h = rnd.nextInt(hosts.length);
            LocalDateTime wall = start.plusMinutes(rnd.nextInt(6 * 365 * 24 * 60)).plusSeconds(rnd.nextInt(60));
            if (i % 10 == 0) {
                wall = LocalDateTime.of(2024, 6, 30, 22, 0).plusMinutes(i); // a burst within the same hours
            }
            List<String> tags = new ArrayList<>();
            for (String t : tagPool) {
                if (rnd.nextInt(3) == 0) {
                    tags.add(t);
                }
            }
            String time = zones[h].equals("UTC") ? wall + ":00Z".substring(wall.getSecond() == 0 ? 0 : 3)
                    : at(wall, zones[h]);
            s.add(new Spec(time, hosts[h], pathSets.get(rnd.nextInt(pathSets.size())), tags));
        }
        return new Set("hosts-tags", "America/New_York", s);
    }

    /** Daily to 31 March 2024: one month before is 2 March for Go, 29 February for a clamping calendar. */
    static Set monthEnds() {
        List<Spec> s = new ArrayList<>();
        List<String> paths = List.of("/dossiers");
        for (LocalDate d = LocalDate.of(2023, 10, 30); !d.isAfter(LocalDate.of(2024, 3, 31)); d = d.plusDays(1)) {
            s.add(new Spec(d + "T10:00:00Z", "cabinet", paths, List.of()));
        }
        s.add(new Spec("2024-03-02T09:59:59Z", "cabinet", paths, List.of()));
        s.add(new Spec("2024-03-02T10:00:01Z", "cabinet", paths, List.of()));
        s.add(new Spec("2024-02-29T10:00:01Z", "cabinet", paths, List.of()));
        s.add(new Spec("2023-12-31T10:00:00.000000001Z", "cabinet", paths, List.of()));
        s.add(new Spec("2030-06-01T10:00:00Z", "cabinet", paths, List.of("futur")));
        return new Set("month-ends", "UTC", s);
    }

    /** Hourly across the spring change in Paris; the newest at 02:30 the next day, whose day before is in the gap. */
    static Set daylightSavingParis() {
        List<Spec> s = new ArrayList<>();
        List<String> paths = List.of("/home/cabinet");
        ZonedDateTime t = ZonedDateTime.of(LocalDateTime.of(2024, 3, 29, 0, 0), ZoneId.of("Europe/Paris"));
        ZonedDateTime end = ZonedDateTime.of(LocalDateTime.of(2024, 4, 1, 2, 30), ZoneId.of("Europe/Paris"));
        while (!t.isAfter(end)) {
            s.add(new Spec(t.format(RFC3339), "cabinet", paths, List.of()));
            t = t.plusMinutes(53);
        }
        s.add(new Spec(end.format(RFC3339), "cabinet", paths, List.of()));
        for (String z : new String[] {"2024-03-31T01:29:00Z", "2024-03-31T01:31:00Z", "2024-03-30T01:29:30Z",
            "2024-03-30T01:30:30Z", "2024-03-30T02:31:00+01:00", "2024-03-31T00:28:00-01:00"}) {
            s.add(new Spec(z, "cabinet", paths, List.of()));
        }
        return new Set("dst-paris", "Europe/Paris", s);
    }

    /**
     * The newest snapshot on a London winter day, written {@code +00:00} (Go places it in the local zone, so
     * one month before falls in summer time) or {@code Z} (Go keeps UTC).
     */
    static Set londonOffset(boolean zulu) {
        List<Spec> s = new ArrayList<>();
        List<String> paths = List.of("/compta");
        for (LocalDate d = LocalDate.of(2024, 9, 20); d.isBefore(LocalDate.of(2024, 11, 5)); d = d.plusDays(1)) {
            s.add(new Spec(d + "T12:00:00Z", "cabinet", paths, List.of()));
        }
        for (String t : new String[] {"2024-10-05T08:59:00Z", "2024-10-05T09:30:00Z", "2024-10-05T10:30:00Z"}) {
            s.add(new Spec(t, "cabinet", paths, List.of()));
        }
        s.add(new Spec(zulu ? "2024-11-05T10:00:00Z" : "2024-11-05T10:00:00+00:00", "cabinet", paths, List.of()));
        return new Set(zulu ? "london-zulu" : "london-offset", "Europe/London", s);
    }
}
