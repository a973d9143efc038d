package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.attest.AttestationStore;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.RuleResult;
import org.hygie.audit.result.SectionScore;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.journal.Run;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.web.practice.PracticeAdapter;
import org.hygie.web.testing.Browser;
import org.hygie.web.testing.RealPractice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end in Debian's headless Chromium: sign-in through the one-time link, every page showing
 * the real state (the audit of this machine, a repository made by the Archiver), an attestation through the
 * form, a restore through the page giving back the identical file, and a forged cross-site form refused.
 * With {@code -Dhygie.screenshots=DIR} each page is saved as a PNG there (docs/screenshots).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    Path tmp;

    static final int NIGHTS = 28;
    RealPractice practice;
    Path documents;
    String snapshot;
    Path stateDir;
    Dashboard dashboard;
    ChromeDriver browser;
    final Map<String, AuditReport> audits = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are needed");
        tmp = Files.createTempDirectory("hygie-web-e2e");
        practice = RealPractice.create(tmp, NIGHTS);
        documents = practice.p.documents;
        snapshot = practice.latestSnapshot("disque-A", documents);
        stateDir = tmp.resolve("state");
        PracticeAdapter adapter = practice.adapter();
        DashboardOptions o = DashboardOptions.of(adapter.repositories(), lang -> {
            AuditReport r = new Audit().run(AuditOptions.live(stateDir).withLanguage(lang)
                    .withBackup(adapter.backupStatus()).withGdpr(adapter.gdprStatus()));
            audits.put(lang, r);
            return r;
        }, stateDir).withPractice(adapter, adapter).withRestoreHome(tmp.resolve("restaurations"))
                .withTimes(Duration.ofMinutes(5), Duration.ofMinutes(30), RealPractice.ZONE,
                        Clock.system(RealPractice.ZONE));
        dashboard = Dashboard.start(o);
        browser = Browser.start(tmp.resolve("profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (tmp != null) {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a temporary folder left behind
            }
        }
    }

    /** Clicks a link or a form button and waits until the next page has replaced this one. */
    private void clickAndLoad(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        waitFor(60).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Finds what {@code locator} names on the page as it is now, clicks it and waits for the next page; found again
     * when the page replaced itself between the finding and the click (a page that reloads itself: Chromium then
     * says the node "does not belong to the document").
     */
    private void clickAndLoad(By locator) {
        for (int attempt = 1;; attempt++) {
            try {
                clickAndLoad(browser.findElement(locator));
                return;
            } catch (WebDriverException e) { // a stale element is one too
                if (attempt == 3 || !(e instanceof StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document"))) {
                    throw e;
                }
            }
        }
    }

    /** Waits through page reloads: the audit page reloads itself while an audit runs, so an element may go stale. */
    private FluentWait<WebDriver> waitFor(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("hygie.screenshots");
        if (dir != null && !dir.isBlank()) {
            Browser.screenshot(browser, Path.of(dir).resolve(name + ".png"));
        }
    }

    private String url(String path) {
        return dashboard.origin() + path;
    }

    @Test
    @Order(1)
    void unauthenticatedPageGoesToTheLoginPage() throws Exception {
        browser.get(url("/audit"));
        assertEquals(url("/login"), browser.getCurrentUrl());
        assertTrue(browser.getPageSource().contains("hygie serve"));
        shot("0-connexion");
    }

    @Test
    @Order(2)
    void oneTimeLinkSignsInOnceAndLeavesNoSecretInTheUrl() {
        String link = dashboard.loginLink();
        browser.get(link);
        waitFor(120).until(ExpectedConditions.presenceOfElementLocated(By.id("sections")));
        assertEquals(url("/"), browser.getCurrentUrl(), "the token is gone from the address bar");
        Cookie c = browser.manage().getCookieNamed("hygie_session");
        assertNotNull(c);
        assertTrue(c.isHttpOnly());
        assertEquals("Strict", c.getSameSite());
        // The same link a second time: refused, and the session is not replaced by it.
        browser.get(link);
        assertTrue(browser.getPageSource().contains("déjà servi"), browser.getPageSource());
        browser.get(url("/"));
        assertEquals(url("/"), browser.getCurrentUrl());
    }

    @Test
    @Order(3)
    void homeShowsOneLightPerGuideSectionMostUrgentFirst() throws Exception {
        browser.get(url("/"));
        waitFor(120).until(ExpectedConditions.presenceOfElementLocated(By.id("sections")));
        AuditReport report = audits.get("fr");
        List<WebElement> items = browser.findElements(By.cssSelector("#sections > li"));
        assertEquals(report.sections().size(), items.size());
        for (SectionScore s : report.sections()) {
            WebElement li = browser.findElement(By.cssSelector("#sections > li[data-section='" + s.section() + "']"));
            assertTrue(li.getText().contains(s.title()), li.getText());
        }
        // Most urgent first: the colours never go back up the list.
        int last = -1;
        for (WebElement li : items) {
            String cls = li.getAttribute("class");
            int rank = List.of("red", "orange", "grey", "green").indexOf(cls);
            assertTrue(rank >= last, "order of lights: " + cls);
            last = rank;
        }
        assertTrue(browser.findElement(By.id("headline")).getText().length() > 5);
        // the backup light: the audit's backup points read the practice's journal (backed up last night, a copy
        // outside the practice, verified), and it leads to the Backups page
        WebElement backup = browser.findElement(By.cssSelector("#sections > li[data-section='backup']"));
        assertEquals("green", backup.getAttribute("class"), backup.getText());
        assertNotNull(backup.findElement(By.cssSelector("a[href='/backups']")));
        for (RuleResult r : report.results()) {
            if (r.section().equals("backup")) {
                assertEquals("pass", r.status().code(), r.ruleId() + ": " + r.evidence());
            }
        }
        // the GDPR light: the practice has no register yet (red), and it leads to the GDPR page
        WebElement gdpr = browser.findElement(By.cssSelector("#sections > li[data-section='gdpr']"));
        assertEquals("red", gdpr.getAttribute("class"), gdpr.getText());
        assertTrue(gdpr.getText().contains("le registre des activités de traitement est vide ou absent"), gdpr.getText());
        assertNotNull(gdpr.findElement(By.cssSelector("a[href='/gdpr']")));
        shot("1-accueil");
        browser.get(url("/gdpr"));
        waitFor(30).until(ExpectedConditions.presenceOfElementLocated(By.id("register-review")));
        assertTrue(browser.findElement(By.id("register-review")).getText().startsWith("Le registre est vide"));
        assertEquals("Aucune violation de données enregistrée.", browser.findElement(By.id("breaches")).getText());
        shot("13-rgpd");
    }

    @Test
    @Order(4)
    void auditPageShowsEveryRuleWithItsEvidence() throws Exception {
        browser.get(url("/audit"));
        waitFor(120).until(ExpectedConditions.presenceOfElementLocated(By.id("section-backup")));
        AuditReport report = audits.get("fr");
        for (RuleResult r : report.results()) {
            WebElement row = browser.findElement(By.id("rule-" + r.ruleId()));
            assertEquals(r.status().code(), row.getAttribute("data-status"), r.ruleId());
            assertTrue(row.getText().contains(r.title()), r.ruleId());
        }
        shot("2-audit");
    }

    @Test
    @Order(5)
    void attestationFormRecordsInTheAuditStore() {
        browser.get(url("/audit"));
        waitFor(120).until(ExpectedConditions.presenceOfElementLocated(By.id("by-physical-security")));
        browser.findElement(By.id("by-physical-security")).sendKeys("Dr Exemple");
        browser.findElement(By.cssSelector("#rule-physical-security form.attest button")).click();
        waitFor(120).until(ExpectedConditions.attributeToBe(By.id("rule-physical-security"), "data-status", "pass"));
        var a = new AttestationStore(stateDir).find("physical-security");
        assertTrue(a.isPresent());
        assertEquals("Dr Exemple", a.get().by());
    }

    @Test
    @Order(6)
    void restoreThroughThePageGivesBackTheIdenticalFile() throws Exception {
        browser.get(url("/restore"));
        shot("3-restaurer-supports");
        // the practice's media, in plan order: disk A (plugged in) first
        assertEquals(List.of("disque-A", "disque-B"), browser.findElements(By.cssSelector("#media a strong")).stream()
                .map(WebElement::getText).toList());
        clickAndLoad(browser.findElement(By.cssSelector("#media a")));
        shot("4-restaurer-sauvegardes");
        // The newest backup of the Documents folder (the other source, the practice software, has its own).
        clickAndLoad(browser.findElement(By.xpath("//table[@id='snapshots']//tr[td[3][text()='" + documents + "']]//a")));
        waitFor(30).until(ExpectedConditions.urlContains("/restore/disque-A/" + snapshot));
        assertTrue(browser.getCurrentUrl().endsWith("/restore/disque-A/" + snapshot), browser.getCurrentUrl());
        // Walk down the folders by clicking, from the root to the Patients folder.
        Path patients = documents.resolve("Patients");
        for (Path part : patients.toAbsolutePath()) {
            clickAndLoad(browser.findElement(By.xpath("//table[@id='entries']//a[@class='dir' and text()='" + part + "/']")));
        }
        Path file = patients.resolve("radiographie <genou> & \"face\".dcm");
        WebElement row = browser.findElement(By.cssSelector("tr[data-path='" + file.toString().replace("\"", "\\\"") + "']"));
        shot("5-restaurer-dossier");
        row.findElement(By.cssSelector("details.restore-one summary")).click();
        WebElement target = row.findElement(By.cssSelector("input.target"));
        Path out = tmp.resolve("restauré ici");
        target.clear();
        target.sendKeys(out.toString());
        row.findElement(By.cssSelector("form.restore button")).click();
        waitFor(60).until(ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        shot("6-restaurer-resultat");
        assertTrue(browser.findElement(By.id("job-result")).getAttribute("class").contains("green"),
                browser.findElement(By.id("job")).getText());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out.resolve(file.getFileName())));
    }

    @Test
    @Order(7)
    void restoreOverTheOriginalAsksFirstThenReplaces() throws Exception {
        Path file = documents.resolve("Comptabilité/recettes 2026.csv");
        String original = Files.readString(file);
        Files.writeString(file, "abîmé par un rançongiciel");
        browser.get(url("/restore/disque-A/" + snapshot + "?path=" + java.net.URLEncoder.encode(
                file.getParent().toString(), StandardCharsets.UTF_8)));
        WebElement row = browser.findElement(By.cssSelector("tr[data-path='" + file + "']"));
        row.findElement(By.cssSelector("details.restore-one summary")).click();
        WebElement target = row.findElement(By.cssSelector("input.target"));
        target.clear();
        target.sendKeys(file.getParent().toString());
        clickAndLoad(row.findElement(By.cssSelector("form.restore button")));
        WebElement warning = browser.findElement(By.id("confirm-original"));
        assertTrue(warning.getText().contains(file.toString()));
        assertEquals("abîmé par un rançongiciel", Files.readString(file), "nothing written before the confirmation");
        shot("7-restaurer-confirmation");
        clickAndLoad(browser.findElement(By.id("confirm")));
        waitFor(60).until(ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        assertEquals(original, Files.readString(file));
    }

    @Test
    @Order(8)
    void searchFindsAFileByNameAndDownloadGivesItsBytes() throws Exception {
        browser.get(url("/restore/disque-A/" + snapshot));
        browser.findElement(By.id("q")).sendKeys("ÉCHOGRAPHIE");
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("form.search button")).click();
        waitFor(30).until(ExpectedConditions.stalenessOf(before));
        waitFor(30).until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#entries tr"));
        assertEquals(1, rows.size());
        shot("8-restaurer-recherche");
        String href = rows.get(0).findElement(By.cssSelector("a.download")).getAttribute("href");
        String cookie = browser.manage().getCookieNamed("hygie_session").getValue();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "hygie_session=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(Files.readAllBytes(documents.resolve("Patients/Dupont Élise/compte-rendu échographie.txt")),
                r.body());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    }

    @Test
    @Order(9)
    void backupsPageShowsThePracticeFromItsJournal() throws Exception {
        browser.get(url("/backups"));
        assertTrue(browser.findElement(By.id("main")).getText().contains("Cabinet du Dr Exemple"));
        for (String m : List.of("disque-A", "disque-B")) {
            assertEquals(90, browser.findElements(By.cssSelector(".calendar[data-medium='" + m + "'] li.night")).size());
            assertNotNull(browser.findElement(By.cssSelector("#media tr[data-medium='" + m + "']")));
        }
        // where each disk is: A plugged in since its week began, B at home since then
        LocalDate swap = practice.date(6);
        String fr = swap.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(browser.findElement(By.cssSelector("#media tr[data-medium='disque-A']")).getText()
                .contains("Branché depuis le " + fr), browser.findElement(By.id("media")).getText());
        assertTrue(browser.findElement(By.cssSelector("#media tr[data-medium='disque-B']")).getText()
                .contains("Absent depuis le " + fr));
        // every night the journal holds, on the calendar, as the practice judged it
        for (int k = 0; k < NIGHTS; k++) {
            String disk = RealPractice.diskOfNight(k);
            for (String m : List.of("disque-A", "disque-B")) {
                String expected = k == RealPractice.NIGHT_NO_PASSWORD ? "failed"
                        : k == RealPractice.NIGHT_NO_DISK || !m.equals(disk) ? "away"
                        : k == RealPractice.NIGHT_NO_SOFTWARE ? "warning" : "verified";
                WebElement night = browser.findElement(By.cssSelector(".calendar[data-medium='" + m
                        + "'] li[data-date='" + practice.date(k) + "']"));
                assertEquals("night " + expected, night.getAttribute("class"), m + " night " + k);
            }
        }
        assertEquals(90 - NIGHTS, browser.findElements(By.cssSelector(".calendar[data-medium='disque-A'] li.night.none"))
                .size(), "before the practice began, nothing recorded");
        assertTrue(browser.findElement(By.cssSelector(".calendar[data-medium='disque-A'] li[data-date='"
                + practice.date(RealPractice.NIGHT_NO_SOFTWARE) + "']")).getAttribute("title")
                .contains("dossier introuvable : " + practice.p.logiciel));
        // the copy outside the practice is disk B, at home, backed up a week ago
        assertTrue(browser.findElement(By.id("outside")).getText().contains("(à jour)"),
                browser.findElement(By.id("outside")).getText());
        // one size chart per disk, from the sizes the duty recorded
        assertEquals(2, browser.findElements(By.cssSelector("figure.chart svg path")).size());
        // the proofs: the last verification, and the drills each disk had on its first night
        assertTrue(browser.findElement(By.id("verification")).getText().contains("disque-A"));
        assertTrue(browser.findElement(By.id("verification")).getText().contains("aucune erreur"));
        WebElement drill = browser.findElement(By.id("drill"));
        assertTrue(drill.getText().contains("fichiers restaurés, identiques à la sauvegarde"), drill.getText());
        drill.findElement(By.tagName("summary")).click();
        assertTrue(drill.getText().contains("✓ " + practice.p.root), drill.getText());
        assertTrue(browser.findElement(By.id("retention")).getText().contains("48 ans"));
        assertTrue(browser.findElement(By.id("retention-run")).getText().contains("rien n'est retiré"));
        shot("9-sauvegardes");
    }

    @Test
    @Order(10)
    void actionsRunTheDutyNowWithLiveProgressAndOneAtATime() throws Exception {
        browser.get(url("/actions"));
        assertNotNull(browser.findElement(By.cssSelector("nav a[href='/actions']")));
        shot("10-actions");
        practice.hold = new CountDownLatch(1);
        try {
            browser.findElement(By.id("run-duty")).click();
            // the page follows the duty as it goes: here it waits at the practice software's before-command
            waitFor(120).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"),
                    "Commandes préalables"));
            String job = browser.getCurrentUrl();
            double value = Double.parseDouble(browser.findElement(By.id("job-progress")).getAttribute("value"));
            assertTrue(value > 0 && value < 1, "progress " + value);
            shot("11-action-en-cours");
            // a drill asked for meanwhile is refused: one duty at a time
            browser.get(url("/actions"));
            browser.findElement(By.id("run-drill")).click();
            waitFor(120).until(ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
            assertTrue(browser.findElement(By.id("job-result")).getAttribute("class").contains("red"));
            assertTrue(browser.findElement(By.id("job")).getText().contains("Un autre passage de Hygie est en cours"),
                    browser.findElement(By.id("job")).getText());
            browser.get(job);
        } finally {
            practice.hold.countDown();
            practice.hold = null;
        }
        waitFor(300).until(ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        String text = browser.findElement(By.id("job")).getText();
        assertTrue(browser.findElement(By.id("job-result")).getAttribute("class").contains("green"), text);
        for (String line : List.of("disque-A : branché", "disque-B : absent", "Sauvegarde de " + documents
                + " sur disque-A", "Relecture de disque-A", "Santé du disque disque-A : bonne")) {
            assertTrue(text.contains(line), "missing: " + line + " in " + text);
        }
        shot("12-action-terminee");
        // the journal has the duty, and the Backups page shows tonight's backup on disk A
        try (Journal j = Journal.open(practice.config.stateDir(), Clock.systemUTC())) {
            Run run = j.lastRun(DutyRunner.KIND_DUTY).orElseThrow();
            assertTrue(run.started().isAfter(practice.lastNightStart()));
            assertNotNull(run.finished());
        }
        browser.get(url("/backups"));
        assertTrue(browser.findElement(By.cssSelector("#media tr[data-medium='disque-A']")).getText()
                .contains(LocalDate.now(RealPractice.ZONE).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd/MM/yyyy"))), browser.findElement(By.id("media")).getText());
    }

    @Test
    @Order(11)
    void actionsRunADrillNowAndItsProofShows() throws Exception {
        browser.get(url("/actions"));
        browser.findElement(By.id("run-drill")).click();
        waitFor(300).until(ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        String text = browser.findElement(By.id("job")).getText();
        assertTrue(browser.findElement(By.id("job-result")).getAttribute("class").contains("green"), text);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Exercice de restauration sur disque-A : (\\d+)/(\\d+) fichiers restaurés identiques").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(m.group(2), m.group(1));
        assertTrue(Integer.parseInt(m.group(1)) >= 3, text);
        browser.get(url("/backups"));
        String drill = browser.findElement(By.cssSelector("#drill > p")).getText();
        assertTrue(drill.contains("disque-A") && drill.contains(m.group(1) + "/" + m.group(2)
                + " fichiers restaurés"), drill);
        assertTrue(drill.contains(LocalDate.now(RealPractice.ZONE).format(java.time.format.DateTimeFormatter
                .ofPattern("dd/MM/yyyy"))), drill);
    }

    @Test
    @Order(12)
    void englishSwitchTranslatesThePages() {
        browser.get(url("/backups"));
        clickAndLoad(browser.findElement(By.cssSelector("form[action='/lang'] button")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(url("/backups"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Backups"));
        clickAndLoad(browser.findElement(By.cssSelector("form[action='/lang'] button")));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    @Order(13)
    void aForgedCrossSiteFormIsRefused() throws Exception {
        // Another site on this machine (same host, another port) auto-submits a form to the dashboard.
        String form = "<!DOCTYPE html><html><body><form id=f method=post action='" + url("/audit/attest") + "'>"
                + "<input name=rule value=usb-dedicated><input name=by value=Mallory></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>";
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", ex -> {
            byte[] b = form.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        evil.start();
        try {
            browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            waitFor(20).until(ExpectedConditions.urlToBe(url("/audit/attest")));
            assertTrue(browser.getPageSource().contains("refused"), browser.getPageSource());
        } finally {
            evil.stop(0);
        }
        assertFalse(new AttestationStore(stateDir).find("usb-dedicated").isPresent());
    }

    @Test
    @Order(14)
    void signOutEndsTheSession() {
        browser.get(url("/"));
        clickAndLoad(By.cssSelector("form[action='/logout'] button"));
        waitFor(30).until(ExpectedConditions.urlToBe(url("/login")));
        assertEquals(url("/login"), browser.getCurrentUrl());
        browser.get(url("/backups"));
        assertEquals(url("/login"), browser.getCurrentUrl());
    }
}
