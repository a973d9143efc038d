package org.hygie.audit.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a backup state file: {@code {"configured": true, "last_success": "2026-11-27T02:31:00Z",
 * "last_offsite": "...", "last_verified": "..."}} (instants in ISO 8601, absent when never). A missing file means
 * no backup is configured.
 */
public final class StateFileBackupSource implements BackupStatusSource {
    private final Path file;

    public StateFileBackupSource(Path file) {
        this.file = file;
    }

    @Override
    public BackupStatus read() {
        if (!Files.exists(file)) {
            return BackupStatus.notConfigured();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            return new BackupStatus(n.path("configured").asBoolean(true), instant(n, "last_success"),
                    instant(n, "last_offsite"), instant(n, "last_verified"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read backup state " + file, e);
        }
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
