package org.hygie.practice.gdpr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GDPR file's JSON form, checked as it is read: the version, every key known (a misspelt key is a mistake, not
 * something to ignore), the required texts present, times in ISO 8601, ids well formed and not used twice, a
 * decision not taken before its breach was discovered, a reason whenever the CNIL was not notified. Every problem is
 * reported at once.
 *
 * <pre>
 * {"version": 1,
 *  "register": [{"id", "name", "purpose", "legal_basis", "data_subjects": [], "data_categories": [],
 *                "recipients": [], "retention", "security_measures": [], "last_reviewed": instant|null}],
 *  "breaches": [{"id", "discovered_at", "recorded_at", "what_happened", "data_affected", "people_affected",
 *                "consequences", "measures",
 *                "decision": null|{"notified": bool, "at": instant, "reference": text|null, "reason": text|null}}]}
 * </pre>
 */
public final class GdprJson {
    public static final int VERSION = 1;
    /** Ids: lower-case letters, digits and dashes, as typed on a command line. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("version", "register", "breaches");
    private static final Set<String> ENTRY = Set.of("id", "name", "purpose", "legal_basis", "data_subjects",
            "data_categories", "recipients", "retention", "security_measures", "last_reviewed");
    private static final Set<String> BREACH = Set.of("id", "discovered_at", "recorded_at", "what_happened",
            "data_affected", "people_affected", "consequences", "measures", "decision");
    private static final Set<String> DECISION = Set.of("notified", "at", "reference", "reason");

    private GdprJson() {
    }

    /** The file's content; throws {@link GdprFileException} naming every problem. */
    public static GdprFile read(byte[] bytes, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new GdprFileException(file, List.of(GdprProblem.inFile("not-json", line, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reader().file(root, file);
    }

    public static byte[] write(GdprFile f) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode register = root.putArray("register");
        for (Processing p : f.register()) {
            ObjectNode n = register.addObject();
            n.put("id", p.id()).put("name", p.name()).put("purpose", p.purpose()).put("legal_basis", p.legalBasis());
            p.dataSubjects().forEach(n.putArray("data_subjects")::add);
            p.dataCategories().forEach(n.putArray("data_categories")::add);
            p.recipients().forEach(n.putArray("recipients")::add);
            n.put("retention", p.retention());
            p.securityMeasures().forEach(n.putArray("security_measures")::add);
            n.put("last_reviewed", p.lastReviewed() == null ? null : p.lastReviewed().toString());
        }
        ArrayNode breaches = root.putArray("breaches");
        for (Breach b : f.breaches()) {
            ObjectNode n = breaches.addObject();
            n.put("id", b.id()).put("discovered_at", b.discoveredAt().toString())
                    .put("recorded_at", b.recordedAt().toString()).put("what_happened", b.whatHappened())
                    .put("data_affected", b.dataAffected()).put("people_affected", b.peopleAffected())
                    .put("consequences", b.consequences()).put("measures", b.measures());
            if (b.decision() == null) {
                n.putNull("decision");
            } else {
                Decision d = b.decision();
                n.putObject("decision").put("notified", d.notified()).put("at", d.at().toString())
                        .put("reference", d.reference()).put("reason", d.reason());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the GDPR file as JSON", e);
        }
    }

    /** Reads one file, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final List<GdprProblem> problems = new ArrayList<>();
        private String list;
        private int index;
        private String id;

        GdprFile file(JsonNode root, Path file) {
            if (!root.isObject()) {
                throw new GdprFileException(file, List.of(GdprProblem.inFile("not-object")));
            }
            unknownKeys(root, TOP);
            JsonNode version = root.get("version");
            if (version == null || !version.isInt() || version.asInt() != VERSION) {
                problems.add(GdprProblem.inFile("bad-version", version == null ? "" : version.toString(), VERSION));
            }
            List<Processing> register = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode n : array(root, "register")) {
                at("register", register.size() + 1, n);
                Processing p = entry(n);
                if (p != null && !ids.add(p.id())) {
                    problem("duplicate-id", p.id());
                }
                register.add(p);
            }
            List<Breach> breaches = new ArrayList<>();
            ids.clear();
            for (JsonNode n : array(root, "breaches")) {
                at("breaches", breaches.size() + 1, n);
                Breach b = breach(n);
                if (b != null && !ids.add(b.id())) {
                    problem("duplicate-id", b.id());
                }
                breaches.add(b);
            }
            if (!problems.isEmpty()) {
                throw new GdprFileException(file, problems);
            }
            return new GdprFile(register, breaches);
        }

        private Iterable<JsonNode> array(JsonNode root, String key) {
            JsonNode a = root.get(key);
            if (a == null || a.isNull()) {
                return List.of();
            }
            if (!a.isArray()) {
                problems.add(GdprProblem.inFile("not-list", key));
                return List.of();
            }
            return a;
        }

        private void at(String where, int i, JsonNode n) {
            list = where;
            index = i;
            id = n.path("id").isTextual() ? n.path("id").asText() : null;
        }

        private void problem(String code, Object... args) {
            problems.add(new GdprProblem(list, index, id, code, args));
        }

        private Processing entry(JsonNode n) {
            if (!n.isObject()) {
                problem("not-object");
                return null;
            }
            int before = problems.size();
            unknownKeys(n, ENTRY);
            String pid = idOf(n);
            Processing p = new Processing(pid, text(n, "name", true), text(n, "purpose", true),
                    text(n, "legal_basis", true), texts(n, "data_subjects"), texts(n, "data_categories"),
                    texts(n, "recipients"), text(n, "retention", true), texts(n, "security_measures"),
                    time(n, "last_reviewed", false));
            return problems.size() == before ? p : null;
        }

        private Breach breach(JsonNode n) {
            if (!n.isObject()) {
                problem("not-object");
                return null;
            }
            int before = problems.size();
            unknownKeys(n, BREACH);
            String bid = idOf(n);
            Instant discovered = time(n, "discovered_at", true);
            Breach b = new Breach(bid, discovered, time(n, "recorded_at", true), text(n, "what_happened", true),
                    text(n, "data_affected", false), text(n, "people_affected", false),
                    text(n, "consequences", false), text(n, "measures", false), decision(n.get("decision"),
                    discovered));
            return problems.size() == before ? b : null;
        }

        private Decision decision(JsonNode n, Instant discovered) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isObject()) {
                problem("not-object-key", "decision");
                return null;
            }
            unknownKeys(n, DECISION);
            JsonNode notified = n.get("notified");
            if (notified == null || !notified.isBoolean()) {
                problem("not-bool", "decision.notified");
                return null;
            }
            Instant at = time(n, "at", true);
            String reason = text(n, "reason", false);
            if (!notified.asBoolean() && (reason == null || reason.isBlank())) {
                problem("no-reason");
            }
            if (at != null && discovered != null && at.isBefore(discovered)) {
                problem("decided-before-discovery", at, discovered);
            }
            return new Decision(notified.asBoolean(), at, Decision.blankToNull(text(n, "reference", false)),
                    notified.asBoolean() ? null : reason);
        }

        private String idOf(JsonNode n) {
            String v = text(n, "id", true);
            if (v != null && !ID.matcher(v).matches()) {
                problem("bad-id", v);
            }
            return v;
        }

        private void unknownKeys(JsonNode n, Set<String> known) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    if (list == null) {
                        problems.add(GdprProblem.inFile("unknown-key", k, String.join(", ", new java.util.TreeSet<>(known))));
                    } else {
                        problem("unknown-key", k, String.join(", ", new java.util.TreeSet<>(known)));
                    }
                }
            }
        }

        /** A text; null (and a problem when required) when absent, blank or not a text. */
        private String text(JsonNode n, String key, boolean required) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem("missing", key);
                }
                return required ? null : "";
            }
            if (!v.isTextual()) {
                problem("not-text", key);
                return null;
            }
            if (required && v.asText().isBlank()) {
                problem("missing", key);
                return null;
            }
            return v.asText();
        }

        private List<String> texts(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                problem("missing", key);
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (!v.isArray()) {
                problem("not-text-list", key);
                return out;
            }
            for (JsonNode x : v) {
                if (!x.isTextual()) {
                    problem("not-text-list", key);
                    return List.of();
                }
                out.add(x.asText());
            }
            return out;
        }

        private Instant time(JsonNode n, String key, boolean required) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem("missing", key);
                }
                return null;
            }
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                problem("bad-time", key, v.asText());
                return null;
            }
        }
    }
}
