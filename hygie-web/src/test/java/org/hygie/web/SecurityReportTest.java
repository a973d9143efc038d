package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.SectionScore;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.report.PdfReport;
import org.hygie.web.report.SecurityReport;
import org.hygie.web.testing.SamplePractice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security report from the audit of this machine and a practice state: well-formed XHTML, and a PDF whose
 * extracted text holds every part, every guide section, the media and the proof of the drills.
 * With {@code -Dhygie.screenshots=DIR} the first page is also rendered to PNG there (pdftoppm).
 */
class SecurityReportTest {
    static AuditReport fr;
    static AuditReport en;

    @TempDir
    Path tmp;

    @BeforeAll
    static void audit(@TempDir Path state) {
        fr = new Audit().run(AuditOptions.live(state).withLanguage("fr"));
        en = new Audit().run(AuditOptions.live(state).withLanguage("en"));
    }

    private static String pdfText(String xhtml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(xhtml, out);
        byte[] pdf = out.toByteArray();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void frenchPdfHoldsEveryPartOfTheReport() throws Exception {
        Instant now = Instant.now();
        PracticeState practice = new SamplePractice(now, ZoneId.systemDefault()).state();
        String xhtml = SecurityReport.html(fr, practice, "fr", ZoneId.systemDefault(), now);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        String text = pdfText(xhtml);
        for (String part : new String[] {"Rapport de sécurité informatique du cabinet", "Cabinet du Dr Exemple",
            "1. Synthèse", "2. Audit du poste, partie par partie", "3. Plan de sauvegarde et rotation des supports",
            "4. Historique des sauvegardes, vérifications et exercices", "5. Conservation", "6. Actions à mener",
            "7. Visa du médecin responsable", "Nom et signature", "48 ans", "disque-A", "disque-B", "cloud",
            "5 fichiers restaurés, identiques (SHA-256)", "Échangez les disques lundi.", fr.host()}) {
            assertTrue(text.contains(part), "missing in the PDF: " + part);
        }
        for (SectionScore s : fr.sections()) {
            assertTrue(text.contains(s.title()), s.title());
        }
        String shots = System.getProperty("hygie.screenshots");
        if (shots != null && !shots.isBlank()) {
            Path pdf = tmp.resolve("rapport.pdf");
            try (var out = Files.newOutputStream(pdf)) {
                PdfReport.write(xhtml, out);
            }
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                    pdf.toString(), Path.of(shots).resolve("rapport-page-1").toString()).inheritIO().start();
            assertEquals(0, p.waitFor());
        }
    }

    @Test
    void englishReportAndAPracticeNotConfiguredYet() throws Exception {
        String xhtml = SecurityReport.html(en, PracticeState.notConfigured(), "en", ZoneId.of("Europe/Paris"),
                Instant.parse("2026-11-27T09:00:00Z"));
        String text = pdfText(xhtml);
        for (String part : new String[] {"IT-security report of the practice", "Made on 27 November 2026",
            "1. Summary", "3. Backup plan and rotation of the media", "not configured on this computer yet",
            "No retention policy configured yet.", "7. Approval of the doctor in charge"}) {
            assertTrue(text.contains(part), "missing in the PDF: " + part);
        }
    }

    @Test
    void valuesAreEscaped() {
        PracticeState p = new SamplePractice(Instant.now(), ZoneId.systemDefault()).state();
        PracticeState evil = new PracticeState(true, "<script>alert(1)</script> & Cie", p.media(), p.nights(),
                p.verifications(), p.drills(), p.sizes(), p.retention(), p.notices(), p.backup(), p.readAt());
        String xhtml = SecurityReport.html(fr, evil, "fr", ZoneId.systemDefault(), Instant.now());
        assertTrue(xhtml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie"));
        assertTrue(!xhtml.contains("<script>"));
    }
}
