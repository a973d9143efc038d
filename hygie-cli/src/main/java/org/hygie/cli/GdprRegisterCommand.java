package org.hygie.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.GdprJsonView;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.Processing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie gdpr register init|list|review}: the register of processing activities (GDPR art. 30). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Registre des activités de traitement / register of processing activities.",
        subcommands = {GdprRegisterCommand.Init.class, GdprRegisterCommand.ListEntries.class,
                GdprRegisterCommand.Review.class})
final class GdprRegisterCommand {
    @ParentCommand
    GdprCommand gdpr;

    Messages messages() {
        return gdpr.root.messages();
    }

    Terminal terminal() {
        return gdpr.root.terminal();
    }

    /** {@code hygie gdpr register init}: writes the usual entries of a practice, to read and approve. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Pré-remplit le registre avec les traitements habituels d'un cabinet (modèle de la CNIL), "
                    + "à relire / pre-fills the register with a practice's usual processing (CNIL model), to review.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        GdprRegisterCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Override
        public Integer call() {
            Messages msg = parent.messages();
            Terminal t = parent.terminal();
            PracticeConfig config = practice.load(msg, t, false);
            GdprKeeper keeper = GdprKeeper.of(config, GdprCommand.clock());
            List<Processing> added;
            try {
                added = keeper.initRegister(config.language());
            } catch (RuntimeException e) {
                throw GdprText.translate(e, msg);
            }
            if (added.isEmpty()) {
                t.println(msg.get("gdpr.register.init.none", keeper.store().file()));
            } else {
                t.println(msg.get("gdpr.register.init.added", added.size(), keeper.store().file(),
                        String.join(", ", added.stream().map(Processing::id).toList())));
                t.println(msg.get("gdpr.register.init.next"));
            }
            return ExitCode.OK;
        }
    }

    /** {@code hygie gdpr register list}: every entry in full. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Affiche le registre / shows the register.")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        GdprRegisterCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Option(names = "--json", description = "Sortie JSON (docs/GDPR.md) / JSON output.")
        boolean json;

        @Override
        public Integer call() {
            Messages msg = parent.messages();
            Terminal t = parent.terminal();
            PracticeConfig config = practice.load(msg, t, json);
            GdprOverview o = GdprText.overview(config, msg);
            if (json) {
                t.println(GdprJsonView.register(o.register()).toString());
                return ExitCode.OK;
            }
            t.println(msg.get("gdpr.register.header", config.practice(), o.register().size()));
            if (o.register().isEmpty()) {
                t.println(msg.get("gdpr.status.register.empty"));
            }
            for (Processing p : o.register()) {
                t.println("");
                GdprText.entry(p, msg, t);
            }
            return ExitCode.OK;
        }
    }

    /** {@code hygie gdpr register review [ID...]}: the practice has read the entries and found them right. */
    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Enregistre que le registre (ou les fiches nommées) a été relu et validé aujourd'hui / "
                    + "records that the register (or the entries named) was reviewed today.")
    static final class Review implements Callable<Integer> {
        @ParentCommand
        GdprRegisterCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Parameters(paramLabel = "FICHE", arity = "0..*",
                description = "Fiches relues (défaut : toutes) / entries reviewed (default: all).")
        List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            Messages msg = parent.messages();
            Terminal t = parent.terminal();
            PracticeConfig config = practice.load(msg, t, false);
            GdprKeeper keeper = GdprKeeper.of(config, GdprCommand.clock());
            List<Processing> reviewed;
            GdprOverview o;
            try {
                reviewed = keeper.reviewRegister(ids);
                o = GdprOverview.read(config, GdprCommand.clock());
            } catch (RuntimeException e) {
                throw GdprText.translate(e, msg);
            }
            t.println(msg.get("gdpr.register.reviewed", reviewed.size(), PracticeText.day(reviewed.get(0)
                    .lastReviewed(), msg), String.join(", ", reviewed.stream().map(Processing::id).toList())));
            t.println(o.nextReview() == null ? msg.get("gdpr.register.still-unread")
                    : msg.get("gdpr.register.next-review", PracticeText.day(o.nextReview(), msg)));
            return ExitCode.OK;
        }
    }
}
