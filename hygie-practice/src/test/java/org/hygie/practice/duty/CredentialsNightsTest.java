package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hygie.backend.s3.ResticS3;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.ConfigProblem;
import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.notify.SmtpNotifier;
import org.hygie.practice.setup.Initialiser;
import org.hygie.practice.status.History;
import org.hygie.practice.status.Status;
import org.hygie.practice.status.StatusReport;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6's bad input applied to the offsite store's credentials file: a file others can read, a missing one, a
 * malformed one is that medium's problem only. The configuration still loads (the problem recorded against the
 * medium), the night backs up disk A as usual, refuses the store without asking it anything, journals why, raises
 * an urgent notice saying what to fix (French first), and mails the doctor (GreenMail); once the file is fixed the
 * next night backs up to the store too. Real parts: the S3 store is s3proxy in this JVM opened as the product opens
 * it ({@link MediumOpener#LIVE}), the disk and the bucket are read back by restic, the clock is the test's.
 */
class CredentialsNightsTest {
    static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(SMTP);

    private static final Texts FR = Texts.of("fr");
    private static final Texts EN = Texts.of("en");
    private static final String BUCKET = "cabinet-exemple";
    private static final String FAILED_SUBJECT = "[Hygie] Cabinet du Dr Exemple : sauvegarde en échec, action requise";

    @TempDir
    Path tmp;
    S3ProxyServer server;
    TestPractice p;
    String cloud;
    String cloudId;
    Path credentials;

    @BeforeEach
    void setUp() throws Exception {
        server = new S3ProxyServer();
        p = new TestPractice(tmp);
        p.initDisk("disque-A");
        p.initDisk("disque-B");
        p.unplug("disque-B"); // at the doctor's home
        p.smtpPort = mail.getSmtp().getPort();
        cloud = server.location(BUCKET, "hygie");
        // the store prepared as setup prepares it: its key in a private file beside the configuration
        credentials = p.config.resolveSibling("cloud.credentials");
        CredentialsFile.write(credentials, S3ProxyServer.env(), "s3proxy");
        cloudId = new Initialiser(MediumOpener.LIVE, Repository.KdfParams.TESTING)
                .prepare(new Medium("cloud", cloud, null, true, null, null, Map.of(), credentials, 0),
                        TestPractice.PASSWORD.getBytes(StandardCharsets.UTF_8)).id();
        Files.writeString(p.config, p.yaml().replace("schedule:", "  - name: cloud\n    repo: " + cloud
                + "\n    offsite: true\n    options: {s3.region: eu-west-3}\n"
                + "    credentials: cloud.credentials\nschedule:"));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    /** The configuration as tonight's {@code hygie run} loads it (a new process every night). */
    private ConfigLoader.Loaded load() {
        return ConfigLoader.load(p.config);
    }

    private DutyReport night(PracticeConfig config, LocalDate day) {
        p.clock.set(day.atTime(2, 30));
        return new DutyRunner(config, p.services().withNotifier(new SmtpNotifier(config.alerts(), p.clock)),
                DutyListener.NONE).duty();
    }

    private static List<Event> on(DutyReport r, String step, String medium) {
        return r.events(step).stream().filter(e -> medium.equals(e.medium())).toList();
    }

    private static Notice notice(DutyReport r, String code, String medium) {
        return r.notices().stream().filter(n -> n.code().equals(code) && medium.equals(n.medium())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + "@" + medium + " in " + r.notices()));
    }

    /** Both sources backed up on the medium tonight; the snapshots' ids. */
    private Set<String> backedUp(DutyReport r, String medium) {
        List<Event> b = on(r, Step.BACKUP, medium);
        assertEquals(2, b.size(), medium + ": " + r.events(Step.BACKUP));
        b.forEach(e -> assertEquals(Outcome.OK, e.outcome(), e.summary()));
        return b.stream().map(e -> e.data().path("snapshot").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The snapshots restic lists on disk A. */
    private Set<String> onDiskA() throws IOException {
        Restic restic = new Restic(p.disk("disque-A").resolve("hygie"), TestPractice.PASSWORD);
        return ids(restic.ok("snapshots", "--json").out());
    }

    /** The snapshots restic lists in the bucket. */
    private Set<String> inBucket() throws IOException {
        return ids(ResticS3.at(cloud, TestPractice.PASSWORD).ok("snapshots", "--json").out());
    }

    private static Set<String> ids(String json) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode s : Json.MAPPER.readTree(json)) {
            out.add(s.get("id").asText());
        }
        return out;
    }

    /** Every object of the bucket and its size: the store untouched is this map unchanged. */
    private Map<String, Long> bucket() throws IOException {
        Path dir = server.bucketDir(BUCKET);
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, Long> out = new TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.size(f));
            }
            return out;
        }
    }

    /** The mail received as the {@code count}-th since the test began. */
    private static MimeMessage mailNumber(int count) {
        assertTrue(mail.waitForIncomingEmail(10_000, count), "mail " + count + " did not come");
        MimeMessage[] got = mail.getReceivedMessages();
        assertEquals(count, got.length);
        return got[count - 1];
    }

    private static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    /**
     * Tonight's refusal of the store, as the duty, the journal, the mail and the status tell it; returns the
     * notice. {@code problem} is the configuration's sentence key, {@code fix} its French action word for word.
     */
    private Notice refusedTonight(PracticeConfig config, DutyReport r, String problem, String fix, int mails)
            throws Exception {
        // the journal records the store refused, and why
        Event presence = on(r, Step.PRESENCE, "cloud").get(0);
        assertEquals("credentials", presence.data().path("presence").asText(), presence.toString());
        assertEquals(Outcome.FAILED, presence.outcome());
        assertEquals(problem, presence.data().path("problem").asText());
        assertEquals(credentials.toString(), presence.data().path("credentials").asText());
        String detail = presence.data().path("detail").asText();
        assertTrue(detail.contains(credentials.toString()), detail);
        assertEquals("refused, its credentials file cannot be used: " + detail, presence.summary());
        assertTrue(on(r, Step.BACKUP, "cloud").isEmpty(), "nothing sent to the store");
        assertTrue(on(r, Step.VERIFY, "cloud").isEmpty() && on(r, Step.DRILL, "cloud").isEmpty());

        // the doctor's notice, French first, saying what to fix; the English detail kept beside it
        Notice n = notice(r, "credentials", "cloud");
        assertEquals(Notice.Level.URGENT, n.level());
        assertTrue(n.act());
        assertEquals(Notice.Topic.BACKUP, n.topic());
        assertEquals("Le support cloud n'a pas été sauvegardé cette nuit : son fichier des identifiants ne peut pas "
                + "servir, il a été refusé. Les autres supports ne sont pas concernés.", n.text(FR));
        assertEquals(fix + " Une fois ce fichier corrigé, la sauvegarde sur cloud reprendra dès la nuit suivante.",
                n.action(FR));
        assertEquals("Medium cloud was not backed up tonight: its credentials file cannot be used and was refused. "
                + "The other media are not affected.", n.text(EN));
        assertTrue(n.action(EN).endsWith(" Once the file is fixed, backups to cloud resume the next night."),
                n.action(EN));
        assertEquals(detail, n.detail());
        Event told = on(r, Step.NOTICE, "cloud").stream().filter(e -> e.summary().equals("credentials")).findFirst()
                .orElseThrow();
        assertEquals(Outcome.FAILED, told.outcome());
        assertEquals(n.text(FR), told.data().path("text").asText());
        assertEquals(n.action(FR), told.data().path("action").asText());
        assertEquals(detail, told.data().path("detail").asText());
        assertEquals(Outcome.FAILED, r.outcome(), "a refused medium fails the night, as a wrong password does");

        // mailed to the doctor, with the sentence, the fix and, apart, the detail
        assertTrue(r.mailed());
        MimeMessage m = mailNumber(mails);
        assertEquals(FAILED_SUBJECT, m.getSubject());
        String body = body(m);
        assertTrue(body.contains(". " + n.text(FR) + "\n   → " + n.action(FR) + "\n"), body);
        int technical = body.indexOf("\nDétails techniques, pour la personne qui a installé Hygie :\n");
        assertTrue(technical > 0 && body.indexOf(detail) > technical, body);

        // hygie status says it, and the calendar's night of the store says why
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            StatusReport s = Status.of(config, j);
            assertEquals(StatusReport.Verdict.NOT_PROTECTED, s.verdict());
            JsonNode listed = null;
            for (JsonNode x : Status.json(s, FR).get("notices")) {
                listed = x.get("code").asText().equals("credentials") ? x : listed;
            }
            assertNotNull(listed, Status.json(s, FR).toString());
            assertEquals("cloud", listed.get("medium").asText());
            assertEquals(n.text(FR), listed.get("text").asText());
            assertEquals(n.action(FR), listed.get("action").asText());
            assertEquals(detail, listed.get("detail").asText());
            History.Night h = History.nights(config, j, p.clock.instant().atZone(p.clock.getZone()).toLocalDate(),
                    p.clock.instant().atZone(p.clock.getZone()).toLocalDate(), p.clock.getZone()).get("cloud").get(0);
            assertEquals(History.NightState.FAILED, h.state());
            assertEquals("credentials", h.reason());
            assertEquals(detail, h.detail());
        }
        nowhere(config, S3ProxyServer.SECRET_KEY);
        return n;
    }

    /** No secret in the state folder (journal, its WAL) nor in the status JSON. */
    private void nowhere(PracticeConfig config, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(config.stateDir())) {
            for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.equals(credentials)).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                        "a secret in " + f);
            }
        }
        try (Journal j = Journal.open(config.stateDir(), p.clock)) {
            assertFalse(Status.json(Status.of(config, j), FR).toString().contains(secret));
        }
    }

    @Test
    void aCredentialsFileOthersCanReadRefusesTheStoreOnlyUntilItIsMadePrivate() throws Exception {
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, Long> untouched = bucket();

        // the configuration loads; the store's problem is recorded against it, with the sentence and the fix
        ConfigLoader.Loaded loaded = load();
        ConfigProblem problem = loaded.mediumProblems().get("cloud");
        assertEquals(Set.of("cloud"), loaded.mediumProblems().keySet());
        String open = "le fichier des identifiants " + credentials + " est accessible à d'autres utilisateurs de "
                + "l'ordinateur (droits rw-r--r--) alors qu'il contient des secrets : il est refusé. Rendez-le privé "
                + "avec « chmod 600 " + credentials + " », et changez ces identifiants chez l'hébergeur s'ils ont pu "
                + "être lus.";
        assertEquals("hygie.yaml, ligne 19 : " + open, problem.render(FR, p.config));
        PracticeConfig config = loaded.config();
        assertEquals(3, config.media().size(), "the store stays in the plan");

        // night 1: disk A backed up as usual, the store refused and left untouched
        DutyReport n1 = night(config, LocalDate.of(2026, 3, 2));
        Set<String> first = backedUp(n1, "disque-A");
        assertEquals(first, onDiskA(), "restic sees tonight's snapshots on disk A");
        assertEquals(untouched, bucket(), "not one object of the store written, locked or removed");
        assertEquals(Set.of(), inBucket());
        refusedTonight(config, n1, "config.credentials-open", "L" + open.substring(1), 1);
        assertEquals("the credentials file " + credentials + " may be read by other users (rw-r--r--): make it "
                + "private with chmod 600 " + credentials, notice(n1, "credentials", "cloud").detail());

        // made private: the next night backs up to the store too, and nothing more is said about the file
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        ConfigLoader.Loaded fixed = load();
        assertEquals(Map.of(), fixed.mediumProblems());
        assertTrue(fixed.warnings().stream().noneMatch(w -> w.code().startsWith("credentials")), fixed.warnings()
                .toString());
        config = fixed.config();
        DutyReport n2 = night(config, LocalDate.of(2026, 3, 3));
        Set<String> second = backedUp(n2, "disque-A");
        Set<String> stored = backedUp(n2, "cloud");
        Event present = on(n2, Step.PRESENCE, "cloud").get(0);
        assertEquals("present", present.data().path("presence").asText());
        assertEquals(cloudId, present.data().path("found").asText());
        assertTrue(n2.notices().stream().noneMatch(n -> n.code().equals("credentials")), n2.notices().toString());
        assertEquals(stored, inBucket(), "restic lists in the bucket the snapshots the journal recorded");
        Set<String> both = new TreeSet<>(first);
        both.addAll(second);
        assertEquals(both, onDiskA());
        nowhere(config, S3ProxyServer.SECRET_KEY);

        // made readable again after the configuration was loaded: refused when the store is opened, all the same
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r-----"));
        Map<String, Long> after = bucket();
        int mails = mail.getReceivedMessages().length;
        DutyReport n3 = night(config, LocalDate.of(2026, 3, 4));
        backedUp(n3, "disque-A");
        assertEquals(after, bucket());
        Notice again = refusedTonight(config, n3, "config.credentials-open",
                "L" + open.substring(1).replace("rw-r--r--", "rw-r-----"), mails + 1);
        assertTrue(again.action(EN).startsWith("The credentials file " + credentials + " can be reached by other "
                + "users of the computer (permissions rw-r-----)"), again.action(EN));
    }

    @Test
    void aMissingThenMalformedCredentialsFileRefusesTheStoreOnlyUntilItIsFixed() throws Exception {
        Map<String, Long> untouched = bucket();

        // the file is gone
        Files.delete(credentials);
        ConfigLoader.Loaded loaded = load();
        assertEquals("credentials-missing", loaded.mediumProblems().get("cloud").code());
        PracticeConfig config = loaded.config();
        DutyReport n1 = night(config, LocalDate.of(2026, 3, 2));
        Set<String> disk = backedUp(n1, "disque-A");
        assertEquals(disk, onDiskA());
        assertEquals(untouched, bucket());
        refusedTonight(config, n1, "config.credentials-missing", "Le fichier des identifiants " + credentials
                + " n'existe pas : créez-le (des lignes NOM=valeur, puis chmod 600) ou relancez « hygie setup ».", 1);

        // written back with the secret key pasted alone on its line: malformed, and the line is shown nowhere
        String pasted = "collé-seul-" + S3ProxyServer.SECRET_KEY.substring(0, 12);
        Files.writeString(credentials, "AWS_ACCESS_KEY_ID=" + S3ProxyServer.ACCESS_KEY + "\n" + pasted + "\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        config = load().config();
        assertEquals("credentials-syntax", load().mediumProblems().get("cloud").code());
        DutyReport n2 = night(config, LocalDate.of(2026, 3, 3));
        disk.addAll(backedUp(n2, "disque-A"));
        assertEquals(disk, onDiskA());
        assertEquals(untouched, bucket());
        refusedTonight(config, n2, "config.credentials-syntax", "Ligne 2 du fichier des identifiants " + credentials
                + " : écrivez NOM=valeur, par exemple AWS_ACCESS_KEY_ID=… (cette ligne n'est pas recopiée ici : elle "
                + "peut contenir un secret).", 2);
        nowhere(config, pasted);
        assertFalse(body(mailNumber(2)).contains(pasted), "the pasted line is not mailed");

        // fixed: the next night the store is backed up too
        CredentialsFile.write(credentials, S3ProxyServer.env(), "s3proxy");
        ConfigLoader.Loaded fixed = load();
        assertEquals(Map.of(), fixed.mediumProblems());
        DutyReport n3 = night(fixed.config(), LocalDate.of(2026, 3, 4));
        backedUp(n3, "disque-A");
        assertEquals(backedUp(n3, "cloud"), inBucket());
        assertTrue(n3.notices().stream().noneMatch(n -> n.code().equals("credentials")), n3.notices().toString());
    }
}
