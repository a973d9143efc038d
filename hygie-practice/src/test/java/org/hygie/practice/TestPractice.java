package org.hygie.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hygie.practice.config.ConfigLoader;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.AuditStep;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.duty.DutyServices;
import org.hygie.practice.duty.RetentionStep;
import org.hygie.practice.duty.SmartProbe;
import org.hygie.practice.duty.SpaceProbe;
import org.hygie.practice.notify.Mail;
import org.hygie.practice.notify.Notifier;
import org.hygie.practice.setup.Initialiser;
import org.hygie.repository.Repository;
import org.hygie.repository.host.Host;
import org.hygie.repository.write.WriterOptions;

/**
 * A small practice for tests: two folders to back up, two "external disks" (folders that come and go), a
 * password file, a configuration, a clock the test sets, and fakes for the audit and SMART.
 */
public final class TestPractice {
    public static final String PASSWORD = "cheval agrafe batterie correcte";
    public final Path root;
    public final Path documents;
    public final Path logiciel;
    public final Path passwordFile;
    public final Path config;
    public final TestClock clock = new TestClock(LocalDateTime.of(2026, 3, 2, 2, 30), ZoneId.of("Europe/Paris"));
    public final List<Mail> sent = new ArrayList<>();
    public String extraYaml = "";
    public int smtpPort = 3025;

    public TestPractice(Path root) throws IOException {
        this.root = root;
        documents = Files.createDirectories(root.resolve("cabinet/Documents"));
        logiciel = Files.createDirectories(root.resolve("cabinet/logiciel-metier"));
        Files.writeString(documents.resolve("compte-rendu.txt"), "Patient X, consultation du 3 mars.\n");
        Files.createDirectories(documents.resolve("courriers"));
        Files.writeString(documents.resolve("courriers/lettre confrère.txt"), "Cher confrère,\n".repeat(50));
        byte[] scan = new byte[700_000];
        new Random(7).nextBytes(scan);
        Files.write(documents.resolve("radio.bin"), scan);
        Files.writeString(documents.resolve("brouillon.tmp"), "à exclure");
        Files.writeString(logiciel.resolve("base.sql"), "INSERT INTO patients VALUES (1, 'X');\n");
        passwordFile = root.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        config = root.resolve("conf/hygie.yaml");
        Files.createDirectories(config.getParent());
    }

    public Path disk(String name) {
        return root.resolve("media/" + name);
    }

    /** Creates the disk's repository (plugged in). */
    public String initDisk(String name) throws IOException {
        Files.createDirectories(disk(name));
        return new Initialiser(MediumOpener.LIVE, Repository.KdfParams.TESTING).prepare(new Medium(name,
                disk(name).resolve("hygie").toString(), null, false, null, null, 0),
                PASSWORD.getBytes(StandardCharsets.UTF_8)).id();
    }

    /** Takes a disk away (home): its folder disappears. */
    public void unplug(String name) throws IOException {
        Files.move(disk(name), root.resolve("home-" + name));
    }

    public void plug(String name) throws IOException {
        Files.move(root.resolve("home-" + name), disk(name));
    }

    public String yaml() {
        return """
                practice: Cabinet du Dr Exemple
                sources:
                  - path: %s
                    exclude: ["*.tmp"]
                  - path: %s
                    before: "echo dump > %s/dump.txt"
                media:
                  - name: disque-A
                    repo: %s
                    rotation: 7d
                    kept-at: "tiroir du secrétariat / domicile du Dr"
                  - name: disque-B
                    repo: %s
                    rotation: 7d
                schedule: "02:30"
                verify: {read-all-within: 4w, drill-every: 30d, drill-files: 3}
                password-file: %s
                notify: {smtp: "smtp://127.0.0.1:%d", to: "dr.exemple@example.org"}
                """.formatted(documents, logiciel, logiciel, disk("disque-A").resolve("hygie"),
                disk("disque-B").resolve("hygie"), passwordFile, smtpPort) + extraYaml;
    }

    public PracticeConfig load() throws IOException {
        Files.writeString(config, yaml());
        return ConfigLoader.load(config).config();
    }

    public DutyServices services() {
        AuditStep audit = (backups, lang) -> {
            var status = backups.read();
            int fail = status.lastSuccess() == null ? 1 : 0;
            return new AuditStep.Outcome(fail == 0 ? 92 : 70, 80, fail, 1, List.of());
        };
        Notifier notifier = sent::add;
        return new DutyServices(clock, MediumOpener.LIVE, RetentionStep.NOT_AVAILABLE,
                location -> new SmartProbe.Result(SmartProbe.Health.PASSED, "/dev/sdz", "test disk"),
                SpaceProbe.FILE_STORE, audit, notifier, org.hygie.practice.duty.Commands.SYSTEM, new Random(1),
                WriterOptions.defaults().withThreads(2), Repository.KdfParams.TESTING, Host.hostname(),
                root.resolve("cache"));
    }
}
