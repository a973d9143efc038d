package org.hygie.audit.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The lists of software the guide advises against ({@code software-risks.json}): remote-access tools and risky
 * software (file sharing, obsolete plug-ins, "PC cleaners"). Matching is on names, case-insensitive, a pattern
 * matching at the start of the name or of one of its words.
 */
public final class SoftwareRisks {
    private record Entry(String name, List<String> patterns) {
    }

    private final List<Entry> remoteAccess;
    private final List<Entry> risky;

    private SoftwareRisks(List<Entry> remoteAccess, List<Entry> risky) {
        this.remoteAccess = remoteAccess;
        this.risky = risky;
    }

    public static SoftwareRisks builtIn() {
        try (InputStream in = SoftwareRisks.class.getResourceAsStream("/org/hygie/audit/collect/software-risks.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return new SoftwareRisks(entries(root.path("remote_access")), entries(root.path("risky")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> entries(JsonNode list) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : list) {
            List<String> p = new ArrayList<>();
            e.path("patterns").forEach(x -> p.add(x.asText().toLowerCase(Locale.ROOT)));
            out.add(new Entry(e.path("name").asText(), p));
        }
        return out;
    }

    /** Display names of the remote-access tools among {@code installed}, sorted, each once. */
    public List<String> remoteAccess(Collection<String> installed) {
        return match(remoteAccess, installed);
    }

    /** Display names of the risky software among {@code installed}, sorted, each once. */
    public List<String> risky(Collection<String> installed) {
        return match(risky, installed);
    }

    private static List<String> match(List<Entry> entries, Collection<String> installed) {
        TreeSet<String> found = new TreeSet<>();
        for (String item : installed) {
            String name = item.toLowerCase(Locale.ROOT);
            for (Entry e : entries) {
                if (e.patterns().stream().anyMatch(p -> matches(name, p))) {
                    found.add(e.name());
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean matches(String name, String pattern) {
        int i = name.indexOf(pattern);
        while (i >= 0) {
            if (i == 0 || !Character.isLetterOrDigit(name.charAt(i - 1))) {
                return true;
            }
            i = name.indexOf(pattern, i + 1);
        }
        return false;
    }
}
