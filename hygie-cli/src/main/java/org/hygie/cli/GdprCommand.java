package org.hygie.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.GdprJsonView;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie gdpr status|register|breach}: the practice's GDPR file (docs/GDPR.md). Everything is read, judged and
 * written by {@code hygie-practice} ({@code org.hygie.practice.gdpr}); these commands only ask and print.
 */
@Command(name = "gdpr", mixinStandardHelpOptions = true,
        description = "Dossier RGPD du cabinet : registre des traitements, violations de données et leur délai de "
                + "72 h, conservation légale / the practice's GDPR file: register, breaches and their 72-hour clock, "
                + "legal retention.",
        subcommands = {GdprCommand.Status.class, GdprRegisterCommand.class, GdprBreachCommand.class})
final class GdprCommand {
    @ParentCommand
    HygieCommand root;

    /** The clock of every gdpr command: the computer's. */
    static Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * {@code hygie gdpr status}: the register and its review, the breaches and their clocks, the legal retention,
     * what to do. Exit 0 in order, 3 something to do, 1 a breach past its 72 hours without a decision.
     */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Où en est le dossier RGPD / where the GDPR file stands.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        GdprCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Option(names = "--json", description = "Sortie JSON (docs/GDPR.md) / JSON output.")
        boolean json;

        @Override
        public Integer call() {
            Messages msg = parent.root.messages();
            Terminal t = parent.root.terminal();
            PracticeConfig config = practice.load(msg, t, json);
            GdprOverview o = GdprText.overview(config, msg);
            if (json) {
                t.println(GdprJsonView.status(config.practice(), o, Texts.of(msg.locale())).toString());
            } else {
                print(config, o, msg, t);
            }
            return switch (o.verdict()) {
                case IN_ORDER -> ExitCode.OK;
                case ATTENTION -> ExitCode.PARTIAL;
                case LATE -> ExitCode.FAILED;
            };
        }

        private static void print(PracticeConfig config, GdprOverview o, Messages msg, Terminal t) {
            t.println(msg.get("gdpr.status.header", config.practice(), PracticeText.date(o.now(), msg)));
            t.println(msg.get("gdpr.status.file", o.file()));
            t.println(msg.get("gdpr.status.verdict." + o.verdict().code()));
            t.println("");
            if (o.register().isEmpty()) {
                t.println(msg.get("gdpr.status.register.empty"));
            } else if (o.registerReviewed() == null) {
                t.println(msg.get("gdpr.status.register.never", o.register().size()));
            } else {
                t.println(msg.get("gdpr.status.register", o.register().size(), PracticeText.day(o.registerReviewed(),
                        msg), o.reviewAgeDays(), PracticeText.day(o.nextReview(), msg)));
            }
            t.println(msg.get("gdpr.status.breaches", o.breaches().size(), o.undecided().size()));
            o.breaches().forEach(e -> t.println(msg.get("gdpr.status.breach", e.breach().id(),
                    PracticeText.date(e.breach().discoveredAt(), msg), GdprText.clock(e, msg))));
            t.println(msg.get("gdpr.status.retention", o.legalRetentionYears(), o.legalRetention().toString()));
            t.println("");
            GdprText.todo(o.todo(), msg, t);
        }
    }
}
