package org.hygie.practice.duty;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.notify.Mail;
import org.hygie.practice.text.Texts;

/**
 * Writes the alert mail: what happened tonight and what to do, in the practice's language, plain text; then, for
 * the helper, the technical details of the notices that have one (in English, as the journal has them), each
 * under the number of its notice, so that the sentences stay in the practice's words. Its subject
 * says a backup failed when one did (or the backups need urgent care), else that a personal-data breach waits for a
 * decision when one does, else that something needs to be done.
 */
public final class MailComposer {
    private MailComposer() {
    }

    public static Mail compose(PracticeConfig config, List<Notice> notices, boolean failed, Texts texts, Clock clock) {
        boolean urgent = notices.stream().anyMatch(n -> n.level() == Notice.Level.URGENT
                && n.topic() == Notice.Topic.BACKUP);
        boolean breach = notices.stream().anyMatch(n -> n.level() == Notice.Level.URGENT
                && n.topic() == Notice.Topic.GDPR);
        String subject = texts.get(failed || urgent ? "mail.subject.failed" : breach ? "mail.subject.breach"
                : "mail.subject.act", config.practice());
        StringBuilder b = new StringBuilder();
        String when = DateTimeFormatter.ofPattern(texts.get("format.datetime"), texts.locale())
                .withZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()).format(clock.instant());
        b.append(texts.get("mail.hello")).append("\n\n");
        b.append(texts.get(failed || urgent ? "mail.intro.failed" : "mail.intro.act", config.practice(), when))
                .append("\n\n");
        int i = 1;
        StringBuilder technical = new StringBuilder();
        for (Notice n : notices) {
            if (n.level() == Notice.Level.INFO) {
                continue;
            }
            if (n.detail() != null) {
                technical.append(texts.get("mail.technical.item", String.valueOf(i), n.detail())).append('\n');
            }
            b.append(i++).append(". ").append(n.text(texts)).append('\n');
            String action = n.action(texts);
            if (action != null) {
                b.append("   → ").append(action).append('\n');
            }
        }
        b.append('\n').append(texts.get("mail.status")).append('\n');
        if (!technical.isEmpty()) {
            b.append('\n').append(texts.get("mail.technical")).append('\n').append(technical);
        }
        b.append('\n').append(texts.get("mail.signature")).append('\n');
        return new Mail(config.alerts() == null ? List.of() : config.alerts().to(), subject, b.toString());
    }
}
