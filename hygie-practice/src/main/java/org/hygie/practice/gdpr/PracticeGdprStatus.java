package org.hygie.practice.gdpr;

import java.time.Clock;
import org.hygie.audit.gdpr.GdprStatus;
import org.hygie.audit.gdpr.GdprStatusSource;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.text.Texts;

/**
 * The audit's view of the practice's GDPR file: the register and its last review, the end of the 72-hour clock of
 * every breach still waiting for a decision, the legal retention of the configuration. The file is read afresh at
 * each audit, so a face that lives long (the dashboard) sees the changes; a damaged file makes the register and
 * breach points unknown with its problems, the retention point still judged.
 */
public final class PracticeGdprStatus implements GdprStatusSource {
    private final PracticeConfig config;
    private final Clock clock;

    public PracticeGdprStatus(PracticeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public GdprStatus read() {
        Integer years = GdprOverview.retentionYears(config.retention().yearlyWithin());
        GdprOverview o;
        try {
            o = GdprOverview.read(config, clock);
        } catch (GdprFileException e) {
            return new GdprStatus(true, String.join(" ", e.render(Texts.of("en"))), 0, null, java.util.List.of(),
                    years);
        }
        return new GdprStatus(true, null, o.register().size(), o.registerReviewed(),
                o.undecided().stream().map(x -> x.clock().deadline()).toList(), years);
    }

    @Override
    public String describe() {
        return "Hygie GDPR file " + new GdprStore(config.stateDir()).file();
    }
}
