package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.practice.TestPractice;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachReport;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.practice.gdpr.GdprStore;
import org.hygie.web.practice.PracticeAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GDPR light and the GDPR page seen from a plain HTTP client, on a practice whose GDPR file has a reviewed
 * register and a breach discovered ten hours ago, the audit of this machine reading that file as {@code hygie
 * serve} wires it: the home page shows the GDPR light orange with the hours left and leads to the GDPR page; the
 * page lists the register and the breach with its clock, and the decision once it is taken; a damaged file is named
 * on the page; without a practice the page says so.
 */
class GdprPageTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path tmp;

    private String signIn(Dashboard d) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(d.loginLink())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private HttpResponse<String> get(Dashboard d, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(d.origin() + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_home_page_shows_the_gdpr_light_and_the_page_the_file() throws Exception {
        TestPractice p = new TestPractice(tmp.resolve("cabinet"));
        PracticeConfig config = p.load();
        PracticeAdapter adapter = new PracticeAdapter(config, Clock.system(ZONE), ZONE, p::services);
        GdprKeeper keeper = GdprKeeper.of(config, Clock.system(ZONE));
        keeper.initRegister("fr");
        keeper.reviewRegister(List.of());
        Breach b = keeper.declare(new BreachReport(Clock.systemUTC().instant().minus(Duration.ofHours(10)),
                "Ordinateur portable du cabinet volé", "dossiers de 300 patients", "300 patients",
                "aucune si le disque chiffré tient", "plainte déposée, mots de passe changés"));
        Path state = Files.createDirectories(tmp.resolve("attestations"));
        DashboardOptions o = DashboardOptions.of(DashboardOptions.noRepositories(), lang -> new Audit().run(
                AuditOptions.live(state).withLanguage(lang).withGdpr(adapter.gdprStatus())), state)
                .withPractice(adapter, adapter).withTimes(Duration.ofMinutes(5), Duration.ofMinutes(30), ZONE,
                        Clock.system(ZONE));
        try (Dashboard d = Dashboard.start(o)) {
            String cookie = signIn(d);
            HttpResponse<String> home = get(d, "/", cookie);
            assertEquals(200, home.statusCode());
            Matcher light = Pattern.compile("<li class=\"(\\w+)\" data-section=\"gdpr\">(.*?)</li>", Pattern.DOTALL)
                    .matcher(home.body());
            assertTrue(light.find(), home.body());
            assertEquals("orange", light.group(1), "a breach within its 72 hours");
            assertTrue(light.group(2).contains("<h2>RGPD</h2>"), light.group(2));
            assertTrue(light.group(2).contains("1 violation(s) de données en cours : plus que 61 h pour décider de "
                    + "notifier la CNIL"), light.group(2));
            assertTrue(light.group(2).contains("href=\"/gdpr\""), light.group(2));
            assertTrue(home.body().contains("<a href=\"/gdpr\">Dossier RGPD</a>"), "in the menu");
            // the breach's clock is the GDPR light's, not the backups' (the practice's status lists it too)
            Matcher backup = Pattern.compile("<li class=\"(\\w+)\" data-section=\"backup\">(.*?)</li>",
                    Pattern.DOTALL).matcher(home.body());
            assertTrue(backup.find(), home.body());
            assertFalse(backup.group(2).contains("Violation"), backup.group(2));
            assertFalse(get(d, "/backups", cookie).body().contains("Violation de données"));

            String page = get(d, "/gdpr", cookie).body();
            assertTrue(page.contains("<h1>Dossier RGPD</h1>"), page);
            assertTrue(page.contains("<tr data-breach=\"" + b.id() + "\" data-state=\"open\">"), page);
            assertTrue(page.contains("En cours : plus que 61 h pour décider de notifier la CNIL"), page);
            assertTrue(page.contains("Ordinateur portable du cabinet volé"), page);
            assertTrue(page.contains("Personnes : 300 patients"), page);
            assertTrue(page.contains("<section class=\"entry\" id=\"entry-dossier-patient\"><h3>Dossier médical des "
                    + "patients"), page);
            assertTrue(page.contains("3 fiche(s), revu le "), page);
            assertTrue(page.contains("Une sauvegarde par an est gardée 48 ans (réglage 48y)"), page);
            assertTrue(page.contains("class=\"alert orange\">Violation " + b.id() + " : plus que 61 h"), page);

            keeper.decide(b.id(), Decision.notNotified(Clock.systemUTC().instant(), "disque chiffré, clé à part"));
            String decided = get(d, "/gdpr", cookie).body();
            assertTrue(decided.contains("data-state=\"not-notified\""), decided);
            assertTrue(decided.contains("Non notifiée (décision du "), decided);
            assertTrue(decided.contains("disque chiffré, clé à part"), decided);
            assertTrue(decided.contains("Le dossier RGPD est à jour"), decided);

            Files.writeString(config.stateDir().resolve(GdprStore.FILE_NAME), "{\"version\": 1, \"breaches\": 3}");
            String damaged = get(d, "/gdpr", cookie).body();
            assertTrue(damaged.contains("id=\"gdpr-problems\""), damaged);
            assertTrue(damaged.contains("« breaches » doit être une liste."), damaged);
        }
    }

    @Test
    void without_a_practice_the_page_says_so_in_both_languages() throws Exception {
        DashboardOptions o = DashboardOptions.of(DashboardOptions.noRepositories(), lang -> {
            throw new IllegalStateException("no audit in this test");
        }, tmp);
        try (Dashboard d = Dashboard.start(o)) {
            String cookie = signIn(d);
            String fr = get(d, "/gdpr", cookie).body();
            assertTrue(fr.contains("id=\"not-configured\""), fr);
            assertTrue(fr.contains("Le cabinet n&#39;est pas encore configuré sur cet ordinateur"), fr);
            assertFalse(fr.contains("data-breach"), fr);
        }
        try (Dashboard d = Dashboard.start(o.withLanguage("en"))) {
            String en = get(d, "/gdpr", signIn(d)).body();
            assertTrue(en.contains("<h1>GDPR file</h1>"), en);
            assertTrue(en.contains("The practice is not configured on this computer yet"), en);
        }
    }

    @Test
    void every_gdpr_text_is_in_both_languages_with_the_same_placeholders() throws Exception {
        java.util.Properties fr = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var f = new java.io.InputStreamReader(getClass().getResourceAsStream("/org/hygie/web/texts_fr.properties"),
                java.nio.charset.StandardCharsets.UTF_8); var e = new java.io.InputStreamReader(getClass()
                .getResourceAsStream("/org/hygie/web/texts_en.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            fr.load(f);
            en.load(e);
        }
        java.util.function.Function<java.util.Properties, java.util.Set<String>> gdpr = p -> new java.util.TreeSet<>(
                p.stringPropertyNames().stream().filter(k -> k.startsWith("gdpr.") || k.startsWith("report.gdpr")
                        || k.equals("menu.gdpr")).toList());
        assertEquals(gdpr.apply(fr), gdpr.apply(en));
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String k : gdpr.apply(fr)) {
            assertEquals(placeholders(placeholder, fr.getProperty(k)), placeholders(placeholder, en.getProperty(k)), k);
        }
    }

    private static java.util.Set<String> placeholders(Pattern p, String text) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
