package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hygie report} writes both files; {@code hygie serve} prints a one-time link that signs in. With a practice
 * configuration ({@code --config}) both show the practice's media, history and proofs from its journal; without one
 * (and no default configuration) they say the practice is not configured.
 */
class ServeReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportWritesHtmlAndPdf() throws Exception {
        Path pdf = tmp.resolve("rapport.pdf");
        Path html = tmp.resolve("rapport.html");
        CliRunner.Run r = CliRunner.inProcess("report", "--pdf", pdf.toString(), "--html", html.toString(),
                "--state-dir", tmp.resolve("state").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Rapport écrit"), r.out());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(Files.readString(html).contains("Rapport de sécurité informatique du cabinet"));
        assertTrue(Files.readString(html).contains("pas encore configurées sur cet ordinateur"),
                "no practice configuration here");
    }

    /** A practice as the helper sets it up: two disks (B at home), a configuration, one night run. */
    private Path practice() throws Exception {
        Path config = TwoDiskPractice.make(tmp);
        CliRunner.Run run = CliRunner.inProcess("run", "--config", config.toString());
        assertTrue(run.out().contains("Exercice de restauration sur disque-A"), run.out() + run.err());
        return config;
    }

    @Test
    void reportWithThePracticeConfigurationShowsItsMediaHistoryAndProofs() throws Exception {
        Path config = practice();
        assertEquals(0, CliRunner.inProcess("gdpr", "register", "init", "--config", config.toString()).exit());
        assertEquals(0, CliRunner.inProcess("gdpr", "breach", "declare", "--config", config.toString(), "--what",
                "Clé USB du secrétariat perdue").exit());
        Path pdf = tmp.resolve("rapport.pdf");
        Path html = tmp.resolve("rapport.html");
        CliRunner.Run r = CliRunner.inProcess("report", "--config", config.toString(), "--pdf", pdf.toString(),
                "--html", html.toString(), "--state-dir", tmp.resolve("state").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (String part : List.of("Cabinet du Dr Exemple", "disque-A", "disque-B", "Branché depuis le",
                "Absent – domicile du Dr", "Copie hors du cabinet : AUCUNE.", "aucune erreur",
                "fichiers restaurés, identiques à la sauvegarde", "sauvegarde(s) retirée(s)", "48 ans",
                "Emportez chez vous", "6. Dossier RGPD : registre, violations de données, conservation",
                "3 fiche(s), pas encore relu et validé", "Clé USB du secrétariat perdue")) {
            assertTrue(text.contains(part), "missing in the PDF: " + part + "\n" + text);
        }
        assertTrue(Files.readString(html).contains("1 violation(s) de données en cours : plus que 71 h pour décider"),
                "the report's audit reads the practice's GDPR file");
        assertTrue(Files.readString(html).contains(tmp.resolve("cabinet/compte-rendu.txt").toString()),
                "the drill's proof names the files restored");

        CliRunner.Run missing = CliRunner.inProcess("report", "--config", tmp.resolve("nope.yaml").toString(),
                "--html", html.toString());
        assertEquals(ExitCode.USAGE, missing.exit(), "a configuration named but missing is an error");
        assertTrue(missing.err().contains("hygie setup"), missing.err());
    }

    @Test
    void servePrintsALinkThatSignsInOnce() throws Exception {
        Process p = serve(List.of());
        try {
            String link = link(p);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, first.statusCode());
            assertTrue(first.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"));
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String origin = link.substring(0, link.indexOf("/login"));
            HttpResponse<String> backups = http.send(HttpRequest.newBuilder(URI.create(origin + "/backups"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(backups.body().contains("id=\"not-configured\""), "no practice configured here");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(origin + "/actions"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveWithThePracticeShowsItsBackupsActionsAndMedia() throws Exception {
        Path config = practice();
        assertEquals(0, CliRunner.inProcess("gdpr", "register", "init", "--config", config.toString()).exit());
        Process p = serve(List.of("--config", config.toString()));
        try {
            String link = link(p);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, first.statusCode());
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String origin = link.substring(0, link.indexOf("/login"));
            String backups = get(http, origin + "/backups", cookie);
            assertTrue(backups.contains("Cabinet du Dr Exemple"), backups);
            assertTrue(backups.contains("<tr data-medium=\"disque-A\">"), backups);
            assertTrue(backups.contains("class=\"night verified\""), "last night, verified: " + backups);
            String actions = get(http, origin + "/actions", cookie);
            assertTrue(actions.contains("id=\"run-duty\"") && actions.contains("id=\"run-drill\""), actions);
            // the GDPR light: the audit of serve reads the practice's GDPR file, and leads to its page
            String home = get(http, origin + "/", cookie);
            java.util.regex.Matcher gdpr = java.util.regex.Pattern.compile("<li class=\"(\\w+)\" data-section="
                    + "\"gdpr\">(.*?)</li>", java.util.regex.Pattern.DOTALL).matcher(home);
            assertTrue(gdpr.find(), home);
            assertEquals("orange", gdpr.group(1), gdpr.group(2));
            assertTrue(gdpr.group(2).contains("registre de 3 fiche(s), pas encore relu et validé par le cabinet")
                    && gdpr.group(2).contains("href=\"/gdpr\""), gdpr.group(2));
            assertTrue(get(http, origin + "/gdpr", cookie).contains("id=\"entry-dossier-patient\""));
            String restore = get(http, origin + "/restore", cookie);
            assertTrue(restore.contains("href=\"/restore/disque-A\"") && restore.contains("href=\"/restore/disque-B\""),
                    restore);
            String snapshots = get(http, origin + "/restore/disque-A", cookie);
            assertTrue(snapshots.contains(tmp.resolve("cabinet").toString()), "disk A's backup, opened with the "
                    + "practice's password file: " + snapshots);
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String get(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    /** {@code hygie serve} in its own JVM, with no default practice configuration (XDG_CONFIG_HOME empty). */
    private Process serve(List<String> more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "org.hygie.cli.Main", "serve", "--no-browser", "--state-dir",
                tmp.resolve("state").toString()));
        cmd.addAll(more);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("HYGIE_") || k.equals("LANG") || k.equals("DISPLAY"));
        pb.environment().put("XDG_CONFIG_HOME", Files.createDirectories(tmp.resolve("xdg")).toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String link(Process p) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/login\\?token=[A-Za-z0-9_-]{43})");
        StringBuilder seen = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            seen.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        assertNotNull(null, "no link printed: " + seen);
        return null;
    }
}
