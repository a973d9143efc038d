package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hygie.audit.Audit;
import org.hygie.audit.AuditOptions;
import org.hygie.audit.result.AuditReport;
import org.hygie.audit.result.SectionScore;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachReport;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.web.practice.GdprState;
import org.hygie.web.practice.PracticeState;
import org.hygie.web.report.PdfReport;
import org.hygie.web.report.SecurityReport;
import org.hygie.web.testing.RealPractice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The security report from the audit of this machine and a real practice (three weeks of nightly duties on two
 * folder disks, read back from its configuration and journal): well-formed XHTML whose history counts the nights
 * as they were, and a PDF whose extracted text holds every part, every guide section, the media plan, the proofs
 * of the verifications and drills, and the retention.
 * With {@code -Dhygie.screenshots=DIR} the first page is also rendered to PNG there (pdftoppm).
 */
class SecurityReportTest {
    static RealPractice practice;
    static AuditReport fr;
    static AuditReport en;
    static String recentBreach;
    static String oldBreach;

    @TempDir
    Path tmp;

    @BeforeAll
    static void audit(@TempDir Path state, @TempDir Path home) throws Exception {
        practice = RealPractice.create(home, 21);
        // the GDPR file: the register approved, a breach of last month decided, one of more than a year ago
        Clock clock = Clock.system(RealPractice.ZONE);
        GdprKeeper keeper = GdprKeeper.of(practice.config, clock);
        keeper.initRegister("fr");
        keeper.reviewRegister(List.of());
        Instant now = clock.instant();
        Breach recent = keeper.declare(new BreachReport(now.minus(Duration.ofDays(30)), "Courriel envoyé au mauvais "
                + "confrère", "un compte rendu", "1 patient", "divulgation limitée", "confrère prié de le supprimer"));
        keeper.decide(recent.id(), Decision.notNotified(now.minus(Duration.ofDays(29)), "confrère tenu au secret"));
        Breach old = keeper.declare(new BreachReport(now.minus(Duration.ofDays(400)), "Vol de la clé USB du secrétariat",
                "", "", "", ""));
        keeper.decide(old.id(), Decision.notifiedAt(now.minus(Duration.ofDays(399)), "CNIL-OLD"));
        recentBreach = recent.id();
        oldBreach = old.id();
        fr = new Audit().run(AuditOptions.live(state).withLanguage("fr").withBackup(practice.adapter().backupStatus())
                .withGdpr(practice.adapter().gdprStatus()));
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
    void frenchPdfHoldsEveryPartOfTheReportWithTheRealPractice() throws Exception {
        Instant now = Instant.now();
        PracticeState state = practice.adapter().state("fr");
        String xhtml = SecurityReport.html(fr, state, practice.adapter().gdpr("fr"), "fr", RealPractice.ZONE, now);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        // 4. the history over 90 nights, per medium: verified, done, warnings, failed, away, nothing — as lived
        // (21 nights: disk A the first and last weeks, disk B the middle one; one night without the password,
        // one without any disk, one without the software's folder)
        assertEquals(List.of("disque-A", "12", "0", "1", "1", "7", "69"), historyRow(doc, "disque-A"));
        assertEquals(List.of("disque-B", "6", "0", "0", "1", "14", "69"), historyRow(doc, "disque-B"));
        String text = pdfText(xhtml);
        String swap = practice.date(6).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        for (String part : new String[] {"Rapport de sécurité informatique du cabinet", "Cabinet du Dr Exemple",
            "1. Synthèse", "2. Audit du poste, partie par partie", "3. Plan de sauvegarde et rotation des supports",
            "4. Historique des sauvegardes, vérifications et exercices", "5. Conservation",
            "6. Dossier RGPD : registre, violations de données, conservation", "7. Actions à mener",
            "8. Visa du médecin responsable", "Nom et signature", fr.host(),
            // 3. the media plan and rotation, from the configuration and the journal
            "disque-A", "disque-B", "Échangé tous les 7 jours", "Branché depuis le " + swap,
            "Absent depuis le " + swap, "(à jour)",
            // 4. verifications and drills with their proof
            "Vérifications des supports", "aucune erreur", "fichiers restaurés, identiques à la sauvegarde",
            "échantillon au hasard", "morceau(x) redécoupé(s)",
            // 5. retention, and what it did
            "48 ans", "rien n'est retiré",
            // 6. the GDPR file: register, breaches of the last twelve months and their decisions, legal retention
            "Registre des activités de traitement", "3 fiche(s), revu le ",
            "Violations de données des 12 derniers mois et décisions", "Non notifiée", "Conservation légale",
            "Une sauvegarde par an est gardée 48 ans (réglage 48y) ; le guide demande de conserver les dossiers "
                    + "médicaux 30 à 48 ans."}) {
            assertTrue(text.contains(part), "missing in the PDF: " + part);
        }
        // the GDPR part of the XHTML: every register entry, the breach of last month with its decision, not the old one
        assertEquals("Dossier médical des patients | Gestion des rendez-vous | Facturation et télétransmission",
                cells(doc, "//h2[@id='gdpr']/following-sibling::table[1]/tbody/tr/td[1]"));
        String breaches = cells(doc, "//h2[@id='gdpr']/following-sibling::table[2]/tbody/tr/td");
        assertTrue(breaches.contains(recentBreach) && breaches.contains("Courriel envoyé au mauvais confrère")
                && breaches.contains("confrère tenu au secret"), breaches);
        assertTrue(!breaches.contains(oldBreach + " ") && !breaches.contains("Vol de la clé USB"), breaches);
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

    /** The text of the cells found by {@code xpath}, joined by " | ". */
    private static String cells(Document doc, String xpath) throws Exception {
        NodeList n = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent().strip());
        }
        return String.join(" | ", out);
    }

    /** The cells of the medium's row in the history table (part 4). */
    private static List<String> historyRow(Document doc, String medium) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList cells = (NodeList) x.evaluate("//h2[@id='history']/following-sibling::table[1]//tr[td[1]='" + medium
                + "']/td", doc, XPathConstants.NODESET);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            out.add(cells.item(i).getTextContent().strip());
        }
        return out;
    }

    @Test
    void englishReportAndAPracticeNotConfiguredYet() throws Exception {
        String xhtml = SecurityReport.html(en, PracticeState.notConfigured(), GdprState.notConfigured(), "en",
                ZoneId.of("Europe/Paris"),
                Instant.parse("2026-11-27T09:00:00Z"));
        String text = pdfText(xhtml);
        for (String part : new String[] {"IT-security report of the practice", "Made on 27 November 2026",
            "1. Summary", "3. Backup plan and rotation of the media", "not configured on this computer yet",
            "No retention policy configured yet.", "6. GDPR file: register, data breaches, retention",
            "The practice is not configured on this computer yet", "8. Approval of the doctor in charge"}) {
            assertTrue(text.contains(part), "missing in the PDF: " + part);
        }
    }

    @Test
    void valuesAreEscaped() {
        PracticeState p = practice.adapter().state("fr");
        PracticeState evil = new PracticeState(true, "<script>alert(1)</script> & Cie", p.media(), p.nights(),
                p.verifications(), p.drills(), p.sizes(), p.retention(), p.notices(), p.backup(), p.outsideCopy(),
                p.outsideFresh(), p.readAt());
        String xhtml = SecurityReport.html(fr, evil, practice.adapter().gdpr("fr"), "fr", ZoneId.systemDefault(),
                Instant.now());
        assertTrue(xhtml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie"));
        assertTrue(!xhtml.contains("<script>"));
    }
}
