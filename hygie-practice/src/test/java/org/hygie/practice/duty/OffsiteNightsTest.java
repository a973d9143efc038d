package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hygie.backend.s3.ResticS3;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.notify.Mail;
import org.hygie.practice.setup.Initialiser;
import org.hygie.practice.status.History;
import org.hygie.practice.status.MediumStatus;
import org.hygie.practice.status.Status;
import org.hygie.practice.status.StatusReport;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.RemoteRestic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice of issue #6 with a real store outside it: two external disks used in alternation (folders that come
 * and go) and an S3 bucket (s3proxy in this JVM) declared as restic writes it, {@code s3:http://host:port/bucket/
 * prefix}, opened by the duty as the product opens it ({@link MediumOpener#LIVE}: {@link Locations}, the S3 backend
 * found by its scheme, the access key from the medium's private credentials file, as a duty started by a scheduler
 * has no AWS variable in its environment; hygie-practice's pom sets none). The clock is set by
 * the test: disk A, then disk B, then no disk; then the store is down for nights on end, then back. What the
 * journal, the notices, the mails and the status say each night, and what the bucket holds, read by restic.
 */
class OffsiteNightsTest {
    private static final Texts FR = Texts.of("fr");
    private static final Texts EN = Texts.of("en");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path tmp;
    S3ProxyServer server;
    TestPractice p;
    PracticeConfig config;
    String cloud;
    String cloudId;

    @BeforeEach
    void setUp() throws Exception {
        server = new S3ProxyServer();
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.unplug("disque-B");
        cloud = server.location("cabinet-exemple", "hygie/poste-accueil");
        Path credentials = p.config.resolveSibling("cloud.credentials");
        CredentialsFile.write(credentials, S3ProxyServer.env(), "s3proxy");
        cloudId = new Initialiser(MediumOpener.LIVE, Repository.KdfParams.TESTING)
                .prepare(new Medium("cloud", cloud, null, true, null, null, Map.of(), credentials, 0),
                        TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8)).id();
        // the offsite store as a user writes it in hygie.yaml: restic's location, unquoted, and its credentials
        // file beside the configuration
        String yaml = p.yaml().replace("schedule:", "  - name: cloud\n    repo: " + cloud
                + "\n    offsite: true\n    kept-at: \"hébergeur de données de santé\"\n"
                + "    options: {s3.region: eu-west-3, s3.timeout: 20}\n"
                + "    credentials: cloud.credentials\nschedule:");
        Files.writeString(p.config, yaml);
        config = ConfigLoader.load(p.config).config();
        assertFalse(config.media().get(2).local(), "an s3: location is a server, not a folder");
        assertEquals(credentials, config.media().get(2).credentials(), "relative to the configuration's folder");
        assertEquals(Map.of("s3.region", "eu-west-3", "s3.timeout", "20"), config.media().get(2).options());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private DutyReport night(LocalDate day) {
        p.clock.set(day.atTime(2, 30));
        return new DutyRunner(config, p.services(), DutyListener.NONE).duty();
    }

    private StatusReport status() {
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            return Status.of(config, j);
        }
    }

    private static Set<String> codes(List<Notice> notices) {
        return notices.stream().map(n -> n.code() + (n.medium() == null ? "" : "@" + n.medium()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Notice notice(List<Notice> notices, String code, String medium) {
        return notices.stream().filter(n -> n.code().equals(code) && java.util.Objects.equals(medium, n.medium()))
                .findFirst().orElseThrow(() -> new AssertionError("no notice " + code + " in " + codes(notices)));
    }

    private static List<Event> on(DutyReport r, String step, String medium) {
        return r.events(step).stream().filter(e -> medium.equals(e.medium())).toList();
    }

    private static MediumStatus medium(StatusReport s, String name) {
        return s.media().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** Both sources backed up on the medium tonight, each its own snapshot, offsite flagged as configured. */
    private void backedUp(DutyReport r, String medium, boolean offsite) {
        List<Event> b = on(r, Step.BACKUP, medium);
        assertEquals(2, b.size(), medium + ": " + r.events(Step.BACKUP));
        for (Event e : b) {
            assertEquals(Outcome.OK, e.outcome(), e.summary());
            assertEquals(offsite, e.data().path("offsite").asBoolean(), e.summary());
            assertEquals(64, e.data().path("snapshot").asText().length(), e.summary());
        }
        assertEquals(Set.of(p.documents.toString(), p.logiciel.toString()),
                b.stream().map(e -> e.data().path("source").asText()).collect(Collectors.toSet()));
    }

    @Test
    void theStoreIsReadThroughALocalCopyAndACopyThatCannotBeKeptIsJournaled() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        DutyReport n1 = night(day);
        backedUp(n1, "cloud", true);
        Path copy = p.root.resolve("cache").resolve(cloudId);
        try (var snapshots = Files.list(copy.resolve("snapshots")); var index = Files.list(copy.resolve("index"))) {
            assertEquals(2, snapshots.count(), "the night's two snapshots, copied as they were written");
            assertTrue(index.count() >= 1);
        }
        assertFalse(Files.exists(p.root.resolve("cache").resolve(on(n1, Step.PRESENCE, "disque-A").get(0).data()
                .path("found").asText())), "a disk is read directly");
        assertTrue(n1.events(Step.DUTY).stream().noneMatch(e -> e.summary().startsWith("local copy")));

        // a cache folder that cannot be made: the night goes on reading the store, and the journal says why
        Files.writeString(p.root.resolve("not-a-folder"), "");
        p.clock.set(day.plusDays(1).atTime(2, 30));
        DutyReport n2 = new DutyRunner(config, p.services().withCacheRoot(p.root.resolve("not-a-folder")),
                DutyListener.NONE).duty();
        backedUp(n2, "cloud", true);
        assertEquals(Outcome.OK, on(n2, Step.VERIFY, "cloud").get(0).outcome());
        List<Event> said = n2.events(Step.DUTY).stream().filter(e -> e.summary().startsWith("local copy")).toList();
        assertEquals(1, said.size(), n2.events(Step.DUTY).toString());
        assertEquals(Outcome.OK, said.get(0).outcome());
        assertTrue(said.get(0).data().path("cache").asText().contains("not-a-folder"), said.get(0).data().toString());
    }

    @Test
    void disksInTurnThenNoneThenTheStoreDownForNightsThenBack() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);

        // ---- night 1: disk A plugged in, the store reachable
        DutyReport n1 = night(day);
        backedUp(n1, "disque-A", false);
        backedUp(n1, "cloud", true);
        Event presence = on(n1, Step.PRESENCE, "cloud").get(0);
        assertEquals("present", presence.data().path("presence").asText());
        assertEquals(cloud, presence.data().path("location").asText());
        assertEquals(cloudId, presence.data().path("found").asText(), "the store recognised by its repository id");
        // the store is read back, measured and drilled over S3 like a disk; disk health is for local disks only
        assertEquals(Outcome.OK, on(n1, Step.VERIFY, "cloud").get(0).outcome());
        assertTrue(on(n1, Step.SIZE, "cloud").get(0).data().path("packs").asInt() > 0);
        assertEquals(Outcome.OK, on(n1, Step.DRILL, "cloud").get(0).outcome(), on(n1, Step.DRILL, "cloud").toString());
        assertTrue(on(n1, Step.SMART, "cloud").isEmpty() && on(n1, Step.SPACE, "cloud").isEmpty());
        assertEquals(1, on(n1, Step.SMART, "disque-A").size());
        assertFalse(codes(n1.notices()).contains("no-outside-copy"), codes(n1.notices()).toString());
        StatusReport s1 = status();
        assertTrue(s1.outsideFresh());
        assertEquals(medium(s1, "cloud").lastBackup(), s1.outsideCopy());
        assertEquals("present", medium(s1, "cloud").presence());
        assertNull(medium(s1, "cloud").pluggedNow(), "a server is not a folder that is plugged in or not");
        assertTrue(s1.verdict() != StatusReport.Verdict.NOT_PROTECTED, codes(s1.notices()).toString());

        // ---- night 2: disk A taken home, disk B plugged in
        p.unplug("disque-A");
        p.plug("disque-B");
        day = day.plusDays(1);
        DutyReport n2 = night(day);
        backedUp(n2, "disque-B", false);
        backedUp(n2, "cloud", true);
        assertTrue(on(n2, Step.BACKUP, "disque-A").isEmpty());
        StatusReport s2 = status();
        assertTrue(s2.outsideFresh());
        assertEquals("away", medium(s2, "disque-A").presence());
        assertEquals(medium(s2, "cloud").lastBackup(), s2.outsideCopy());
        assertEquals(StatusReport.Verdict.PROTECTED, s2.verdict(), codes(s2.notices()).toString());

        // ---- night 3: no disk at all; the store still gets its copy
        p.unplug("disque-B");
        day = day.plusDays(1);
        int mails = p.sent.size();
        DutyReport n3 = night(day);
        backedUp(n3, "cloud", true);
        assertEquals(2, n3.events(Step.BACKUP).size(), "only the store was backed up");
        assertFalse(codes(n3.notices()).contains("no-backup"), "the store was backed up: " + codes(n3.notices()));
        Notice noDisk = notice(n3.notices(), "no-disk", null);
        assertEquals("Aucun disque de sauvegarde n'était branché cette nuit : la sauvegarde n'a été faite que sur "
                + "cloud.", noDisk.text(FR));
        assertEquals("Branchez l'un des disques de sauvegarde (disque-A, disque-B) et laissez l'ordinateur allumé "
                + "cette nuit.", noDisk.action(FR));
        assertTrue(noDisk.act());
        assertEquals(mails + 1, p.sent.size(), "the doctor is told to plug a disk in");
        Mail m3 = p.sent.get(p.sent.size() - 1);
        assertTrue(m3.body().contains(noDisk.text(FR)) && m3.body().contains(noDisk.action(FR)), m3.body());
        StatusReport s3 = status();
        assertTrue(s3.outsideFresh());
        Instant lastCloud = medium(s3, "cloud").lastBackup();
        assertEquals(p.clock.instant(), lastCloud, "tonight's copy is recorded");
        assertEquals(lastCloud, s3.outsideCopy());
        assertTrue(s3.notices().stream().anyMatch(n -> n.code().equals("no-disk")), codes(s3.notices()).toString());

        // ---- the store goes down; disk A comes back and stays, night after night
        server.stop();
        p.plug("disque-A");
        Duration storeLimit = Duration.ofDays(2); // an always-on medium: 2 days (docs/PRACTICE.md)
        Duration outsideLimit = Duration.ofDays(7 + 2); // the longest rotation, 7d, plus 2 days
        boolean storeWarned = false;
        boolean outsideWarned = false;
        for (int n = 0; n < 20 && !outsideWarned; n++) {
            day = day.plusDays(1);
            mails = p.sent.size();
            DutyReport r = night(day);
            Duration age = Duration.between(lastCloud, p.clock.instant());
            backedUp(r, "disque-A", false);
            assertTrue(on(r, Step.BACKUP, "cloud").isEmpty(), day + ": nothing written to an unreachable store");
            assertEquals(Outcome.OK, on(r, Step.VERIFY, "disque-A").get(0).outcome(), day.toString());
            // the journal says why, in words a helper can act on
            Event down = on(r, Step.PRESENCE, "cloud").get(0);
            assertEquals("unreachable", down.data().path("presence").asText());
            assertEquals(Outcome.WARNING, down.outcome());
            String detail = down.data().path("detail").asText();
            assertTrue(detail.contains(cloud) && detail.contains("cannot talk to the S3 store at "
                    + server.endpoint()) && detail.contains("Connection refused"), detail);
            assertTrue(down.summary().startsWith("unreachable: "), down.summary());
            // the doctor's sentence in French words; the English detail beside it, for the helper
            Notice unreachable = notice(r.notices(), "unreachable", "cloud");
            assertEquals("Le support cloud n'a pas pu être joint cette nuit : aucune sauvegarde n'y a été faite.",
                    unreachable.text(FR));
            assertEquals("Vérifiez la connexion Internet ; si cela dure plus de deux jours, prévenez la personne qui "
                    + "a installé Hygie.", unreachable.action(FR));
            assertEquals("Medium cloud could not be reached tonight: nothing was backed up to it.",
                    unreachable.text(EN));
            assertEquals(detail, unreachable.detail());
            Event told = on(r, Step.NOTICE, "cloud").stream().filter(e -> e.summary().equals("unreachable"))
                    .findFirst().orElseThrow();
            assertEquals(unreachable.text(FR), told.data().path("text").asText());
            assertEquals(detail, told.data().path("detail").asText(), "the journal keeps the detail");
            assertTrue(r.outcome() != Outcome.OK, day + ": a night without its offsite copy is not all good");
            try (Journal j = Journal.open(config.stateDir(), p.clock)) {
                History.Night h = History.nights(config, j, day, day, p.clock.getZone()).get("cloud").get(0);
                assertEquals(History.NightState.FAILED, h.state());
                assertEquals("unreachable", h.reason());
                assertEquals(detail, h.detail());
            }

            // the store's own copy is late after 2 days
            boolean storeLate = age.compareTo(storeLimit) > 0;
            assertEquals(storeLate, codes(r.notices()).contains("medium-stale@cloud"), day + " " + codes(r.notices()));
            if (storeLate) {
                Notice stale = notice(r.notices(), "medium-stale", "cloud");
                assertEquals("Le support cloud n'a pas reçu de sauvegarde depuis " + age.toDays() + " jours (dernière le "
                        + DAY.format(lastCloud.atZone(p.clock.getZone())) + ").", stale.text(FR));
                assertEquals("Vérifiez que le stockage cloud est joignable.", stale.action(FR));
                if (!storeWarned) {
                    assertEquals(mails + 1, p.sent.size(), "the first late night is mailed");
                    String body = p.sent.get(p.sent.size() - 1).body();
                    assertTrue(body.contains(stale.text(FR)));
                    // the detail in the mail's technical part, under the number of its sentence
                    List<Notice> listed = r.notices().stream().filter(x -> x.level() != Notice.Level.INFO).toList();
                    int number = listed.indexOf(unreachable) + 1;
                    assertTrue(body.contains(number + ". " + unreachable.text(FR) + "\n"), body);
                    int technical = body.indexOf("\nDétails techniques, pour la personne qui a installé Hygie :\n");
                    assertTrue(technical > 0, body);
                    assertTrue(body.indexOf("  " + number + ". " + detail + "\n") > technical, body);
                    assertFalse(body.substring(0, technical).contains(detail), body);
                }
                storeWarned = true;
            }

            // and no copy outside the practice is recent once the limit of the media plan has passed
            StatusReport s = status();
            JsonNode listed = null;
            for (JsonNode x : Status.json(s, FR).get("notices")) {
                listed = x.get("code").asText().equals("unreachable") ? x : listed;
            }
            assertEquals(unreachable.text(FR), listed.get("text").asText());
            assertEquals(detail, listed.get("detail").asText(), "status --json gives the detail apart");
            boolean outsideLate = age.compareTo(outsideLimit) > 0;
            assertEquals(lastCloud, s.outsideCopy(), "disk B at home is older than the store's last copy");
            assertEquals(!outsideLate, s.outsideFresh(), day.toString());
            assertEquals(outsideLate, codes(s.notices()).contains("outside-stale"), day + " " + codes(s.notices()));
            if (outsideLate) {
                Notice old = notice(s.notices(), "outside-stale", null);
                assertEquals("La copie gardée hors du cabinet date de " + age.toDays() + " jours (le "
                        + DAY.format(lastCloud.atZone(p.clock.getZone())) + ").", old.text(FR));
                JsonNode js = Status.json(s, FR);
                assertFalse(js.get("outside_copy").get("fresh").asBoolean());
                assertEquals(lastCloud.toString(), js.get("outside_copy").get("last").asText());
                outsideWarned = true;
            }
        }
        assertTrue(storeWarned && outsideWarned, "the store was down until both warnings came");

        // ---- the store is back: the next night copies again and the warnings about it are gone
        server.restart();
        day = day.plusDays(1);
        DutyReport back = night(day);
        backedUp(back, "cloud", true);
        backedUp(back, "disque-A", false);
        Set<String> backCodes = codes(back.notices());
        assertFalse(backCodes.contains("unreachable@cloud") || backCodes.contains("medium-stale@cloud")
                || backCodes.contains("outside-stale"), backCodes.toString());
        StatusReport sBack = status();
        assertTrue(sBack.outsideFresh());
        assertEquals(p.clock.instant(), sBack.outsideCopy());

        // ---- the bucket is a real restic repository holding exactly the nights the store was reachable
        Map<LocalDate, Set<String>> journalled = new TreeMap<>();
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            for (Event e : j.between(Instant.EPOCH, p.clock.instant().plusSeconds(1), Step.BACKUP)) {
                if ("cloud".equals(e.medium()) && e.outcome() == Outcome.OK) {
                    journalled.computeIfAbsent(e.at().atZone(p.clock.getZone()).toLocalDate(), k -> new TreeSet<>())
                            .add(e.data().path("snapshot").asText());
                }
            }
        }
        assertEquals(List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4), day),
                List.copyOf(journalled.keySet()), "the store was copied to on nights 1-3 and after its return");
        journalled.values().forEach(ids -> assertEquals(2, ids.size(), journalled.toString()));
        Set<String> expected = journalled.values().stream().flatMap(Set::stream).collect(Collectors.toSet());

        RemoteRestic restic = ResticS3.at(cloud, TestPractice.PASSWORD);
        restic.ok("check", "--read-data");
        JsonNode snaps = Json.MAPPER.readTree(restic.ok("snapshots", "--json").out());
        Set<String> inBucket = new TreeSet<>();
        for (JsonNode sn : snaps) {
            inBucket.add(sn.get("id").asText());
            assertEquals(List.of(DutyRunner.TAG_NIGHT), Json.MAPPER.convertValue(sn.get("tags"), List.class));
        }
        assertEquals(expected, inBucket, "restic lists in the bucket the snapshots the journal recorded");
        String dumped = restic.ok("dump", "--path", p.documents.toString(), "latest",
                p.documents.resolve("compte-rendu.txt").toString()).out();
        assertEquals(Files.readString(p.documents.resolve("compte-rendu.txt")), dumped);

        // Hygie's repository layer reads the same through the same location
        try (Repository repo = Repository.open(Locations.open(cloud, Map.of(), CredentialsFile.secrets(
                config.media().get(2))),
                TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(cloudId, repo.config().id());
            List<RepositoryException> unreadable = new java.util.ArrayList<>();
            Set<String> ids = repo.snapshots(unreadable::add).stream().map(e -> e.id().hex())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(List.of(), unreadable);
            assertEquals(expected, ids);
        }
        assertNotNull(medium(sBack, "cloud").lastSnapshot());
        assertTrue(expected.contains(medium(sBack, "cloud").lastSnapshot()));
    }
}
