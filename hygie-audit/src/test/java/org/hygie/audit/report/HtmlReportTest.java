package org.hygie.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hygie.audit.TestRecordings;
import org.hygie.audit.backup.BackupStatusSource;
import org.hygie.audit.result.AuditReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path state;

    @Test
    void the_page_is_self_contained_and_lists_every_point() {
        AuditReport r = TestRecordings.audit("windows/11-24h2-home-fr-thirdparty", "fr", state, BackupStatusSource.none());
        String html = HtmlReport.render(r);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src=\"http"));
        assertFalse(html.contains("href=\"http"));
        for (var x : r.results()) {
            assertTrue(html.contains(HtmlReport.esc(x.title())), x.ruleId());
        }
        assertTrue(html.contains("À faire, du plus urgent au moins urgent"));
    }

    @Test
    void text_is_escaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlReport.esc("a <b> & \"c\""));
    }
}
