package org.hygie.practice.duty;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachClock;
import org.hygie.practice.gdpr.GdprFile;
import org.hygie.practice.gdpr.GdprFileException;
import org.hygie.practice.gdpr.GdprStore;

/**
 * The 72-hour clock of the personal-data breaches (GDPR art. 33), told to the doctor with the backups' notices, so
 * that the nightly duty mails it and {@code status} shows it. Each breach without a decision gives one urgent
 * notice: {@code breach-open} with the hours left while the clock runs, {@code breach-late} with the hours past
 * the deadline once it ran out. Each is mailed once, when it appears (the breach declared, the deadline passed),
 * not every night while it lasts. A decided breach says nothing. A GDPR file that cannot be read gives
 * {@code gdpr-unreadable}: its clocks cannot be followed.
 */
final class BreachNotices {
    private BreachNotices() {
    }

    static List<Notice> of(PracticeConfig config, Instant now) {
        GdprStore store = new GdprStore(config.stateDir());
        GdprFile file;
        try {
            file = store.load();
        } catch (GdprFileException | UncheckedIOException e) {
            return List.of(Notice.of("gdpr-unreadable", Notice.Level.WARNING, false, null, store.file())
                    .about(Notice.Topic.GDPR).withDetail(e.getMessage()));
        }
        List<Notice> late = new ArrayList<>();
        List<Notice> open = new ArrayList<>();
        for (Breach b : file.breaches()) {
            BreachClock c = BreachClock.of(b, now);
            if (c.state() == BreachClock.State.LATE) {
                late.add(Notice.of("breach-late", Notice.Level.URGENT, true, null, b.id(), c.hoursLate(),
                                Date.from(b.discoveredAt())).about(Notice.Topic.GDPR)
                        .mailedOnce("breach-late:" + b.id(), c.deadline()));
            } else if (c.state() == BreachClock.State.OPEN) {
                open.add(Notice.of("breach-open", Notice.Level.URGENT, true, null, b.id(), c.hoursLeft(),
                                Date.from(c.deadline())).about(Notice.Topic.GDPR)
                        .mailedOnce("breach-open:" + b.id(), b.discoveredAt()));
            }
        }
        late.addAll(open);
        return late;
    }
}
