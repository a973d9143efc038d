package org.hygie.practice.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hygie.practice.TestClock;
import org.hygie.practice.TestPractice;
import org.hygie.backend.s3.S3ProxyServer;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guided set-up, answered by a script as a person would at the terminal. */
class SetupTest {
    @TempDir
    Path tmp;

    /** Answers in order; an answer may first do something (plug a disk in). Records what was said. */
    static final class Script implements Conversation {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> transcript = new ArrayList<>();

        Script(Object... a) {
            answers.addAll(List.of(a));
        }

        @Override
        public void say(String text) {
            transcript.add(text);
        }

        @Override
        public String ask(String question, String dflt) {
            transcript.add("? " + question + (dflt == null || dflt.isEmpty() ? "" : " [" + dflt + "]"));
            if (answers.isEmpty()) {
                throw new SetupAborted();
            }
            Object a = answers.poll();
            if (a instanceof Runnable r) {
                r.run();
                a = answers.poll();
            }
            String s = (String) a;
            return s.isEmpty() && dflt != null ? dflt : s;
        }

        @Override
        public String secret(String question) {
            return ask(question, "");
        }
    }

    @Test
    void aPracticeWithTwoDisksIsSetUpAndItsFirstNightWorks() throws Exception {
        TestPractice p = new TestPractice(tmp);
        Files.createDirectories(p.disk("disque-A"));
        Files.createDirectories(p.disk("disque-B"));
        Path config = tmp.resolve("conf/hygie.yaml");
        Script s = new Script("Cabinet des Docteurs Martin & Durand",
                "", // password: make one
                p.documents.toString(), "", tmp.resolve("nulle-part").toString(), p.logiciel.toString(),
                "pg_dump cabinet > base.sql", "",
                "2", "", // two disks, swapped every 7 days
                "", p.disk("disque-A").resolve("hygie").toString(), "tiroir du secrétariat",
                "", p.disk("disque-B").resolve("hygie").toString(), "",
                "n", // no offsite store
                "21h45",
                "o", "smtp://127.0.0.1:2525", "dr.martin@example.org");
        Setup.Result r = new Setup(s, Texts.of("fr"), MediumOpener.LIVE, Repository.KdfParams.TESTING, p.clock, tmp)
                .run(config);
        String said = String.join("\n", s.transcript);
        assertTrue(said.contains("Le dossier " + tmp.resolve("nulle-part") + " est introuvable"), said);
        assertTrue(said.contains("Mot de passe créé : "), said);

        PracticeConfig c = ConfigLoader.load(config).config();
        assertEquals("Cabinet des Docteurs Martin & Durand", c.practice());
        assertEquals(2, c.sources().size());
        assertEquals("pg_dump cabinet > base.sql", c.sources().get(1).before());
        assertEquals(2, c.media().size());
        assertEquals("7d", c.media().get(0).rotation().toString());
        assertEquals("tiroir du secrétariat", c.media().get(0).keptAt());
        assertEquals("au domicile du médecin", c.media().get(1).keptAt());
        assertEquals(LocalTime.of(21, 45), c.schedule());
        assertEquals(48, c.retention().yearlyWithin().years());
        assertEquals("dr.martin@example.org", c.alerts().to().get(0));
        for (int i = 0; i < 2; i++) {
            String id = c.media().get(i).id();
            assertNotNull(id);
            try (Repository repo = Repository.open(new LocalBackend(Path.of(c.media().get(i).repo())),
                    Files.readString(r.passwordFile()).strip().getBytes())) {
                assertEquals(id, repo.config().id());
            }
        }
        assertNotEquals(c.media().get(0).id(), c.media().get(1).id());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.passwordFile())));
        String generated = said.substring(said.indexOf("Mot de passe créé : ") + 20).lines().findFirst().orElseThrow();
        assertEquals(generated, Files.readString(r.passwordFile()).strip());

        String kit = Files.readString(r.kit());
        assertTrue(kit.contains(c.media().get(0).id()) && kit.contains(c.media().get(1).id()), "ids in the kit");
        assertTrue(kit.contains("restic -r " + c.media().get(0).repo() + " restore latest"), kit);
        assertTrue(kit.contains("tiroir du secrétariat"));
        assertTrue(kit.contains("Cabinet des Docteurs Martin &amp; Durand"));
        assertFalse(kit.contains(generated), "the password is never printed in the kit");

        // the first night with this configuration: both disks known by their ids, both backed up
        p.clock.set(LocalDateTime.of(2026, 3, 2, 21, 45));
        DutyReport night = new DutyRunner(c.withStateDir(tmp.resolve("state")),
                p.services(), DutyListener.NONE).duty();
        assertEquals(4, night.events(Step.BACKUP).stream().filter(e -> e.outcome() == Outcome.OK).count(),
                night.events().toString());
    }

    /**
     * The answers of a practice set up with one disk and a store outside it: name, password twice, the documents, the
     * disk, "o" to the question of a store outside, then {@code offsite} (its location, its keys), then no more.
     */
    private static Script oneDiskAndOffsite(TestPractice p, Object... offsite) {
        List<Object> a = new ArrayList<>(List.of("Cabinet", "un mot de passe assez long", "un mot de passe assez long",
                p.documents.toString(), "", "", "1", "", p.disk("disque-A").resolve("hygie").toString(), "", "o"));
        a.addAll(List.of(offsite));
        a.addAll(List.of("", "n"));
        return new Script(a.toArray());
    }

    @Test
    void anS3StoreOutsideThePracticeGetsItsKeyInAPrivateFileAndIsInitialisedWithIt() throws Exception {
        // no AWS variable in this JVM's environment (hygie-practice's pom sets none): the key typed here is the one
        try (S3ProxyServer server = new S3ProxyServer()) {
            TestPractice p = new TestPractice(tmp);
            Files.createDirectories(p.disk("disque-A"));
            String cloud = server.location("cabinet-exemple", "hygie");
            Script s = oneDiskAndOffsite(p, cloud, S3ProxyServer.ACCESS_KEY, "", // an empty secret is asked again
                    S3ProxyServer.SECRET_KEY);
            Path config = tmp.resolve("conf/hygie.yaml");
            Setup.Result r = new Setup(s, Texts.of("fr"), MediumOpener.LIVE, Repository.KdfParams.TESTING, p.clock,
                    tmp).run(config);
            String said = String.join("\n", s.transcript);
            assertTrue(said.contains("? Identifiant de la clé d'accès S3 (AWS_ACCESS_KEY_ID)"), said);
            assertTrue(said.contains("? Clé secrète S3 (AWS_SECRET_ACCESS_KEY), non affichée"), said);
            assertTrue(said.contains("Il faut le saisir"), said);
            Path credentials = tmp.resolve("conf/cloud.credentials");
            assertTrue(said.contains("Identifiants du stockage enregistrés (lisibles par vous seul) : " + credentials),
                    said);
            assertTrue(said.contains("cloud est prêt (dépôt "), said);

            // the secrets in a private file, NAME=value as the environment names them, and nowhere else
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            List<String> lines = Files.readAllLines(credentials).stream().filter(l -> !l.startsWith("#")).toList();
            assertEquals(List.of("AWS_ACCESS_KEY_ID=" + S3ProxyServer.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY=" + S3ProxyServer.SECRET_KEY), lines);
            try (java.util.stream.Stream<Path> files = Files.list(config.getParent())) {
                assertEquals(List.of("cloud.credentials", "hygie.yaml", "kit-de-restauration.html", "password"),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
            }
            String yaml = Files.readString(config);
            assertTrue(yaml.contains("    credentials: \"" + credentials + "\""), yaml);
            for (String text : List.of(yaml, said, Files.readString(r.kit()))) {
                assertFalse(text.contains(S3ProxyServer.SECRET_KEY), text);
            }
            String kit = Files.readString(r.kit());
            assertTrue(kit.contains("Identifiants de connexion de « cloud » : dans le fichier privé " + credentials),
                    kit);

            // the configuration references the file, and the store was initialised with the key of the file
            PracticeConfig c = ConfigLoader.load(config).config();
            Medium m = c.medium("cloud").orElseThrow();
            assertEquals(credentials, m.credentials());
            assertTrue(m.offsite());
            assertNotNull(m.id());
            try (Repository repo = Repository.open(MediumOpener.LIVE.open(m),
                    Files.readString(r.passwordFile()).strip().getBytes())) {
                assertEquals(m.id(), repo.config().id());
            }
            // and the first night backs up to it
            p.clock.set(LocalDateTime.of(2026, 3, 2, 2, 30));
            DutyReport night = new DutyRunner(c, p.services(), DutyListener.NONE).duty();
            assertEquals(1, night.events(Step.BACKUP).stream().filter(e -> "cloud".equals(e.medium())
                    && e.outcome() == Outcome.OK).count(), night.events(Step.BACKUP).toString());
        }
    }

    @Test
    void aCredentialsFileOthersCanReadIsToldWithItsFixAndTheSetUpGoesOn() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer()) {
            TestPractice p = new TestPractice(tmp);
            Files.createDirectories(p.disk("disque-A"));
            String cloud = server.location("cabinet-exemple", "hygie");
            Script s = oneDiskAndOffsite(p, cloud, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
            // a folder where the file ends up readable by others once written (an ACL, a share mounted with
            // broad permissions): the store's opening refuses it
            MediumOpener readable = m -> {
                if (m.credentials() != null) {
                    try {
                        Files.setPosixFilePermissions(m.credentials(), PosixFilePermissions.fromString("rw-r--r--"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return MediumOpener.LIVE.open(m);
            };
            Path config = tmp.resolve("conf/hygie.yaml");
            Setup.Result r = new Setup(s, Texts.of("fr"), readable, Repository.KdfParams.TESTING, p.clock, tmp)
                    .run(config);
            Path credentials = tmp.resolve("conf/cloud.credentials");
            String said = String.join("\n", s.transcript);
            assertTrue(said.contains("Le stockage cloud n'a pas pu être préparé maintenant. Le fichier des identifiants "
                    + credentials + " est accessible à d'autres utilisateurs de l'ordinateur (droits rw-r--r--) alors "
                    + "qu'il contient des secrets : il est refusé. Rendez-le privé avec « chmod 600 " + credentials
                    + " », et changez ces identifiants chez l'hébergeur s'ils ont pu être lus. Il est inscrit dans la "
                    + "configuration : une fois ce fichier corrigé, relancez « hygie setup » pour le préparer"), said);
            assertFalse(said.contains("may be read by other users"), "the user's language, not the journal's: " + said);
            assertFalse(said.contains(S3ProxyServer.SECRET_KEY));
            assertFalse(Files.exists(server.bucketDir("cabinet-exemple")), "nothing was asked of the store");

            // the set-up is not lost for it: the disk is ready, the configuration written and loadable, the store's
            // problem recorded against the store only
            assertNotNull(r.config());
            ConfigLoader.Loaded loaded = ConfigLoader.load(config);
            assertEquals("credentials-open", loaded.mediumProblems().get("cloud").code());
            assertNotNull(loaded.config().medium("disque-A").orElseThrow().id());
            assertEquals(credentials, loaded.config().medium("cloud").orElseThrow().credentials());
        }
    }

    @Test
    void aRestPasswordTypedInTheLocationIsMovedToTheCredentialsFile() throws Exception {
        TestPractice p = new TestPractice(tmp);
        Files.createDirectories(p.disk("disque-A"));
        Script s = oneDiskAndOffsite(p, "rest:http://cabinet:s3cret%2Fdu%2Bnas@127.0.0.1:1/cabinet/");
        Path config = tmp.resolve("conf/hygie.yaml");
        Setup.Result r = new Setup(s, Texts.of("fr"), MediumOpener.LIVE, Repository.KdfParams.TESTING, p.clock, tmp)
                .run(config);
        String said = String.join("\n", s.transcript);
        assertTrue(said.contains("Le mot de passe tapé dans l'emplacement en a été retiré"), said);
        Path credentials = tmp.resolve("conf/cloud.credentials");
        assertEquals(List.of("HYGIE_REST_USERNAME=cabinet", "HYGIE_REST_PASSWORD=s3cret/du+nas"),
                Files.readAllLines(credentials).stream().filter(l -> !l.startsWith("#")).toList());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        Medium m = ConfigLoader.load(config).config().medium("cloud").orElseThrow();
        assertEquals("rest:http://127.0.0.1:1/cabinet/", m.repo());
        assertEquals(credentials, m.credentials());
        for (String text : List.of(Files.readString(config), said, Files.readString(r.kit()))) {
            assertFalse(text.contains("s3cret"), text);
        }
    }

    @Test
    void twoDisksAtTheSameMountPointArePreparedOneAfterTheOther() throws Exception {
        TestPractice p = new TestPractice(tmp);
        Path usb = Files.createDirectories(tmp.resolve("media/usb"));
        Path mount = tmp.resolve("media/usb/hygie");
        Runnable swap = () -> {
            try {
                Files.move(usb, tmp.resolve("disque-A-rangé"));
                Files.createDirectories(usb);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Script s = new Script("Cabinet", "un mot de passe assez long", "un mot de passe assez long",
                p.documents.toString(), "", "",
                "2", "7d",
                "", mount.toString(), "",
                "", "", swap, "", "",
                "n", "", "n");
        Path config = tmp.resolve("conf/hygie.yaml");
        new Setup(s, Texts.of("fr"), MediumOpener.LIVE, Repository.KdfParams.TESTING,
                new TestClock(LocalDateTime.of(2026, 3, 1, 10, 0), ZoneId.of("Europe/Paris")), tmp).run(config);
        PracticeConfig c = ConfigLoader.load(config).config();
        assertEquals(c.media().get(0).repo(), c.media().get(1).repo(), "one mount point for both");
        assertNotEquals(c.media().get(0).id(), c.media().get(1).id(), "two repositories told apart by their id");
        assertTrue(String.join("\n", s.transcript).contains("Branchez disque-B maintenant"), s.transcript.toString());
    }

    @Test
    void anExistingConfigurationIsKeptUnlessReplaced() throws Exception {
        Path config = tmp.resolve("hygie.yaml");
        Files.writeString(config, "practice: X\n");
        Script s = new Script("n");
        Setup.Result r = new Setup(s, Texts.of("fr"), MediumOpener.LIVE, Repository.KdfParams.TESTING,
                java.time.Clock.systemUTC(), tmp).run(config);
        assertEquals("practice: X\n", Files.readString(config));
        assertEquals(null, r.config());
    }

    @Test
    void generatedPasswordsAreLongAndUnambiguous() {
        String pw = Setup.generate();
        assertTrue(pw.matches("([a-z2-9]{4}-){5}[a-z2-9]{4}"), pw);
        assertFalse(pw.matches(".*[01ilo].*"), pw);
    }
}
