package org.hygie.cli;

import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.DutyServices;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Outcome;
import org.hygie.practice.journal.Step;
import org.hygie.practice.text.Texts;

/** {@code hygie backup --before-update}: shows what {@link DutyRunner#beforeUpdate()} did. */
final class BeforeUpdate {
    private BeforeUpdate() {
    }

    static int run(PracticeOptions practice, boolean json, Messages msg, Terminal t) {
        PracticeConfig config = practice.load(msg, t, json);
        try {
            DutyListener listener = json ? DutyListener.NONE : new DutyListener() {
                @Override
                public void recorded(Event e) {
                    String line = PracticeText.event(e, msg);
                    if (line != null) {
                        t.println(line);
                    }
                }
            };
            DutyReport r = new DutyRunner(config, DutyServices.live(config), listener).beforeUpdate();
            if (json) {
                t.println(RunCommand.toJson(r, Texts.of(msg.locale())).toString());
            }
            boolean any = r.events(Step.BACKUP).stream().anyMatch(e -> e.outcome() == Outcome.OK
                    || e.outcome() == Outcome.WARNING);
            if (!any) {
                throw new UserError(ExitCode.FAILED, "backup.before-update.none");
            }
            if (!json) {
                t.println(msg.get(r.outcome() == Outcome.OK ? "backup.before-update.ok" : "backup.before-update.partial",
                        DutyRunner.TAG_BEFORE_UPDATE));
            }
            return PracticeText.exit(r.outcome());
        } catch (RuntimeException e) {
            throw PracticeText.translate(e);
        }
    }
}
