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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hygie report} writes both files; {@code hygie serve} prints a one-time link that signs in. */
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
    }

    @Test
    void servePrintsALinkThatSignsInOnce() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "org.hygie.cli.Main", "serve", "--no-browser", "--state-dir",
                tmp.resolve("state").toString()));
        pb.environment().keySet().removeIf(k -> k.startsWith("HYGIE_") || k.equals("LANG") || k.equals("DISPLAY"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try {
            String link = null;
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/login\\?token=[A-Za-z0-9_-]{43})");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = url.matcher(line);
                if (m.find()) {
                    link = m.group(1);
                    break;
                }
            }
            assertNotNull(link, "no link printed");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, first.statusCode());
            assertTrue(first.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"));
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
