package org.hygie.audit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.LiveHostFiles;
import org.hygie.audit.collect.ReplayCommandRunner;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCollectorTest {
    @TempDir
    Path dir;

    private Facts collect(BackupStatusSource source) {
        CollectionContext ctx = new CollectionContext(new ReplayCommandRunner(dir), new LiveHostFiles(dir), Map.of(),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
        return new Facts(new BackupCollector(source).collect(ctx));
    }

    @Test
    void no_hygie_backup_is_a_fact_not_a_guess() {
        Facts f = collect(BackupStatusSource.none());
        assertEquals(false, f.value("backup.configured").orElseThrow());
        assertEquals(false, f.value("backup.has_success").orElseThrow());
    }

    @Test
    void a_state_file_gives_the_ages() throws Exception {
        Path state = Files.writeString(dir.resolve("backup-state.json"), "{\"configured\": true,"
                + "\"last_success\": \"2026-11-28T02:30:00Z\", \"last_offsite\": \"2026-11-20T02:30:00Z\"}");
        Facts f = collect(new StateFileBackupSource(state));
        assertEquals(9L, f.value("backup.last_age_h").orElseThrow());
        assertEquals(8L, f.value("backup.offsite_age_days").orElseThrow());
        assertEquals(false, f.value("backup.has_verification").orElseThrow());
    }

    @Test
    void a_missing_state_file_means_not_configured_and_a_bad_one_is_unknown() throws Exception {
        assertEquals(false, collect(new StateFileBackupSource(dir.resolve("none.json"))).value("backup.configured").orElseThrow());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"last_success\": \"yesterday\"}");
        assertEquals(FactStatus.PARSE_ERROR, collect(new StateFileBackupSource(bad)).get("backup.configured").orElseThrow().status());
    }
}
