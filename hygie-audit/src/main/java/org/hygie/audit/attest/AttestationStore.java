package org.hygie.audit.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attestations of this workstation, in {@code attestations.json} inside a state folder (by default
 * {@code ~/.config/hygie}). The file is written whole through a temporary file and is readable by its owner
 * only (0600). The latest attestation of a rule replaces the previous one.
 */
public final class AttestationStore {
    /** How long an attestation holds before it is asked again. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    private static final String FILE = "attestations.json";
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public AttestationStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** The store in {@code ~/.config/hygie}. */
    public static AttestationStore inDefaultLocation() {
        return new AttestationStore(defaultStateDir());
    }

    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".config", "hygie");
    }

    public Path file() {
        return file;
    }

    public Map<String, Attestation> load() {
        Map<String, Attestation> all = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return all;
        }
        try {
            for (JsonNode n : json.readTree(file.toFile()).path("attestations")) {
                Attestation a = new Attestation(n.path("rule").asText(), n.path("by").asText(),
                        Instant.parse(n.path("attested_at").asText()), Instant.parse(n.path("expires_at").asText()));
                all.put(a.ruleId(), a);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read attestations from " + file + ": " + e.getMessage(), e);
        }
        return all;
    }

    public Optional<Attestation> find(String ruleId) {
        return Optional.ofNullable(load().get(ruleId));
    }

    /** Records that {@code by} attests {@code ruleId} now; it expires after {@link #VALIDITY}. */
    public Attestation attest(String ruleId, String by, Clock clock) {
        Instant now = clock.instant();
        Attestation a = new Attestation(ruleId, by.strip(), now, now.plus(VALIDITY));
        Map<String, Attestation> all = load();
        all.put(ruleId, a);
        save(all);
        return a;
    }

    private void save(Map<String, Attestation> all) {
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("attestations");
        for (Attestation a : all.values()) {
            list.addObject().put("rule", a.ruleId()).put("by", a.by())
                    .put("attested_at", a.attestedAt().toString()).put("expires_at", a.expiresAt().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (posix) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write attestations to " + file, e);
        }
    }
}
