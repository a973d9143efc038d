package org.hygie.practice.config;

import java.time.LocalTime;

/** Writes a configuration back as YAML, in the shape of DESIGN.md §9, with comments for the helper. */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    public static String yaml(PracticeConfig c) {
        StringBuilder b = new StringBuilder();
        b.append("# Hygie — configuration du cabinet (hygie setup). Vérifiez-la avec « hygie status ».\n");
        b.append("practice: ").append(q(c.practice())).append('\n');
        if (!"fr".equals(c.language())) {
            b.append("language: ").append(c.language()).append('\n');
        }
        b.append("sources:\n");
        for (Source s : c.sources()) {
            b.append("  - path: ").append(q(s.path().toString())).append('\n');
            if (!s.exclude().isEmpty()) {
                b.append("    exclude: [");
                for (int i = 0; i < s.exclude().size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(q(s.exclude().get(i)));
                }
                b.append("]\n");
            }
            if (s.before() != null) {
                b.append("    before: ").append(q(s.before())).append('\n');
            }
        }
        b.append("media:\n");
        for (Medium m : c.media()) {
            b.append("  - name: ").append(q(m.name())).append('\n');
            b.append("    repo: ").append(q(m.repo())).append('\n');
            if (m.rotation() != null) {
                b.append("    rotation: ").append(m.rotation()).append('\n');
            }
            if (m.offsite()) {
                b.append("    offsite: true\n");
            }
            if (m.keptAt() != null) {
                b.append("    kept-at: ").append(q(m.keptAt())).append('\n');
            }
            if (!m.options().isEmpty()) {
                b.append("    options: {");
                int i = 0;
                for (java.util.Map.Entry<String, String> o : m.options().entrySet()) {
                    b.append(i++ == 0 ? "" : ", ").append(q(o.getKey())).append(": ").append(q(o.getValue()));
                }
                b.append("}\n");
            }
            if (m.credentials() != null) {
                b.append("    credentials: ").append(q(m.credentials().toString()))
                        .append("   # identifiants du stockage (privé, chmod 600) : jamais dans ce fichier\n");
            }
            if (m.id() != null) {
                b.append("    id: ").append(m.id()).append("   # identifiant du dépôt : reconnaît ce support\n");
            }
        }
        LocalTime t = c.schedule();
        b.append("schedule: \"").append(String.format("%02d:%02d", t.getHour(), t.getMinute())).append("\"\n");
        Retention r = c.retention();
        b.append("retention: {daily: ").append(r.daily()).append(", weekly: ").append(r.weekly())
                .append(", monthly: ").append(r.monthly()).append(", yearly-within: ").append(r.yearlyWithin())
                .append("}\n");
        Verify v = c.verify();
        b.append("verify: {read-all-within: ").append(v.readAllWithin()).append(", drill-every: ")
                .append(v.drillEvery()).append(", drill-files: ").append(v.drillFiles()).append("}\n");
        b.append("password-file: ").append(q(c.passwordFile().toString())).append('\n');
        if (c.alerts() != null) {
            b.append("notify:\n  smtp: ").append(q(c.alerts().smtp().toString())).append("\n  to: [");
            for (int i = 0; i < c.alerts().to().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(q(c.alerts().to().get(i)));
            }
            b.append("]\n");
            if (c.alerts().from() != null) {
                b.append("  from: ").append(q(c.alerts().from())).append('\n');
            }
            if (c.alerts().user() != null) {
                b.append("  user: ").append(q(c.alerts().user())).append('\n');
            }
            if (c.alerts().passwordFile() != null) {
                b.append("  password-file: ").append(q(c.alerts().passwordFile().toString())).append('\n');
            }
        }
        return b.toString();
    }

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
