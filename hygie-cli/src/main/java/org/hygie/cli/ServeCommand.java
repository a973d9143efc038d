package org.hygie.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.backup.StateFileBackupSource;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.media.MediaAccess;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Locations;
import org.hygie.web.Dashboard;
import org.hygie.web.DashboardOptions;
import org.hygie.web.audit.AuditSource;
import org.hygie.web.practice.PracticeAdapter;
import org.hygie.web.restore.Repositories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie serve}: the doctor's dashboard on 127.0.0.1. Prints a one-time sign-in link (and opens the browser
 * when there is a desktop), then serves until Ctrl+C. Everything shown is computed by the lower layers; with a
 * practice configuration ({@code --config}, else the default one when it exists) the Backups, Restore and Actions
 * pages are the practice's, read from its configuration and journal.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Ouvre le tableau de bord local / opens the local dashboard.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Mixin
    PracticeOptions practiceOptions = new PracticeOptions();

    @Option(names = "--medium", paramLabel = "NOM=DÉPÔT",
            description = "Un support à restaurer, nommé (répétable) / a named medium to restore from (repeatable).")
    List<String> media = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", description = "Port sur 127.0.0.1 (défaut : un port libre) / port.")
    int port;

    @Option(names = "--no-browser", description = "Ne pas ouvrir le navigateur / do not open the browser.")
    boolean noBrowser;

    @Option(names = "--password-login",
            description = "Accepter aussi le mot de passe du dépôt sur la page de connexion / also accept the repository password to sign in.")
    boolean passwordLogin;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "where attestations are kept (default ~/.config/hygie)")
    Path stateDir;

    @Option(names = "--backup-state", paramLabel = "FILE", description = "state file of Hygie's backups")
    Path backupState;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        PracticeConfig config = practiceOptions.loadIfAny(msg, t, false);
        PracticeAdapter practice = config == null ? null : PracticeAdapter.live(config);
        Map<String, String> locations = locations();
        byte[] password = locations.isEmpty() ? null : repo.password(msg, t, false);
        byte[] loginPassword = password;
        if (practice != null && passwordLogin) {
            try {
                loginPassword = MediaAccess.password(config);
            } catch (RuntimeException e) {
                throw PracticeText.translate(e);
            }
        }
        Path dir = AuditCommand.dir(stateDir);
        BackupStatusSource backup = backupState != null ? new StateFileBackupSource(backupState)
                : practice != null ? practice.backupStatus() : BackupStatusSource.none();
        GdprStatusSource gdpr = practice != null ? practice.gdprStatus() : GdprStatusSource.none();
        AuditSource audit = lang -> new Audit().run(AuditOptions.live(dir).withLanguage(lang).withBackup(backup)
                .withGdpr(gdpr));
        Repositories extra = repositories(locations, password);
        DashboardOptions options = DashboardOptions.of(practice == null ? extra : both(practice.repositories(), extra),
                audit, dir).withPort(port).withPassword(passwordLogin ? loginPassword : null)
                .withLanguage(msg.locale().getLanguage());
        if (practice != null) {
            options = options.withPractice(practice, practice);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Dashboard d = Dashboard.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                d.close();
                stopped.countDown();
            }, "hygie-serve-stop"));
            String link = d.loginLink();
            t.println(msg.get("serve.started", d.origin()));
            t.println(msg.get("serve.link", link, d.loginLinkLifetime().toMinutes()));
            if (!noBrowser && openBrowser(link)) {
                t.println(msg.get("serve.browser"));
            }
            t.println(msg.get("serve.stop"));
            stopped.await();
        }
        return ExitCode.OK;
    }

    /** The media to offer on the Restore page: {@code --medium NAME=LOCATION}, and {@code --repo} if given. */
    private Map<String, String> locations() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String spec : media) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UserError(ExitCode.USAGE, "serve.bad-medium", spec);
            }
            m.put(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip());
        }
        String single = repo.repo != null ? repo.repo : System.getenv("HYGIE_REPOSITORY");
        if (single != null && !single.isBlank()) {
            m.putIfAbsent(nameOf(single), single);
        }
        return m;
    }

    private static String nameOf(String location) {
        String s = location.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        String name = cut >= 0 ? s.substring(cut + 1) : s;
        return name.isBlank() ? "depot" : name;
    }

    static Repositories repositories(Map<String, String> locations, byte[] password) {
        return new Repositories() {
            @Override
            public List<String> names() {
                return List.copyOf(locations.keySet());
            }

            @Override
            public String location(String name) {
                return Locations.redact(locations.get(name));
            }

            @Override
            public Repository open(String name) {
                return Repository.open(Locations.open(locations.get(name)), password);
            }
        };
    }

    /** The practice's media first, then those named on the command line (a name already taken is left out). */
    static Repositories both(Repositories first, Repositories then) {
        return new Repositories() {
            @Override
            public List<String> names() {
                List<String> out = new ArrayList<>(first.names());
                then.names().stream().filter(n -> !out.contains(n)).forEach(out::add);
                return out;
            }

            @Override
            public String location(String name) {
                return first.names().contains(name) ? first.location(name) : then.location(name);
            }

            @Override
            public Repository open(String name) {
                return first.names().contains(name) ? first.open(name) : then.open(name);
            }
        };
    }

    /** Opens the link in the desktop's browser when there is a desktop; false when none or it failed. */
    static boolean openBrowser(String link) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> cmd;
        if (os.contains("win")) {
            cmd = List.of("rundll32", "url.dll,FileProtocolHandler", link);
        } else if (os.contains("mac")) {
            cmd = List.of("open", link);
        } else if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            cmd = List.of("xdg-open", link);
        } else {
            return false;
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
