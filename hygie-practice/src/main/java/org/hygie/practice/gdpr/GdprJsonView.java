package org.hygie.practice.gdpr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.hygie.practice.text.Texts;

/**
 * The stable JSON of {@code hygie gdpr ... --json} (documented in docs/GDPR.md): field names in snake_case,
 * times as ISO 8601 instants, absent values as null, the sentences in the language of {@code texts}.
 */
public final class GdprJsonView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GdprJsonView() {
    }

    /** {@code hygie gdpr status --json}. */
    public static ObjectNode status(String practice, GdprOverview o, Texts texts) {
        ObjectNode n = JSON.createObjectNode();
        n.put("practice", practice).put("now", o.now().toString()).put("file", o.file().toString())
                .put("verdict", o.verdict().code());
        ObjectNode r = n.putObject("register");
        r.put("entries", o.register().size()).put("reviewed", time(o.registerReviewed()));
        if (o.reviewAgeDays() == null) {
            r.putNull("review_age_days");
        } else {
            r.put("review_age_days", o.reviewAgeDays());
        }
        r.put("next_review", time(o.nextReview()));
        n.set("breaches", breaches(o.breaches()));
        n.putObject("legal_retention").put("span", o.legalRetention().toString())
                .put("years", o.legalRetentionYears()).put("guide_min_years", GdprOverview.GUIDE_MIN_YEARS);
        ArrayNode todo = n.putArray("todo");
        for (GdprTodo t : o.todo()) {
            todo.addObject().put("code", t.code()).put("urgent", t.urgent()).put("text", t.text(texts))
                    .put("action", t.action(texts));
        }
        return n;
    }

    /** {@code hygie gdpr register list --json}: the entries as stored. */
    public static ArrayNode register(List<Processing> register) {
        ArrayNode a = JSON.createArrayNode();
        for (Processing p : register) {
            ObjectNode n = a.addObject();
            n.put("id", p.id()).put("name", p.name()).put("purpose", p.purpose()).put("legal_basis", p.legalBasis());
            p.dataSubjects().forEach(n.putArray("data_subjects")::add);
            p.dataCategories().forEach(n.putArray("data_categories")::add);
            p.recipients().forEach(n.putArray("recipients")::add);
            n.put("retention", p.retention());
            p.securityMeasures().forEach(n.putArray("security_measures")::add);
            n.put("last_reviewed", time(p.lastReviewed()));
        }
        return a;
    }

    /** The breach log with each breach's clock. */
    public static ArrayNode breaches(List<GdprOverview.Entry> entries) {
        ArrayNode a = JSON.createArrayNode();
        entries.forEach(e -> a.add(breach(e)));
        return a;
    }

    public static ObjectNode breach(GdprOverview.Entry e) {
        Breach b = e.breach();
        BreachClock c = e.clock();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", b.id()).put("discovered_at", b.discoveredAt().toString())
                .put("recorded_at", b.recordedAt().toString()).put("what_happened", b.whatHappened())
                .put("data_affected", b.dataAffected()).put("people_affected", b.peopleAffected())
                .put("consequences", b.consequences()).put("measures", b.measures())
                .put("deadline", c.deadline().toString()).put("state", c.state().code())
                .put("hours_left", c.hoursLeft()).put("hours_late", c.hoursLate())
                .put("past_deadline", c.pastDeadline());
        if (b.decision() == null) {
            n.putNull("decision");
        } else {
            Decision d = b.decision();
            n.putObject("decision").put("notified", d.notified()).put("at", d.at().toString())
                    .put("reference", d.reference()).put("reason", d.reason());
        }
        return n;
    }

    private static String time(Instant i) {
        return i == null ? null : i.toString();
    }
}
