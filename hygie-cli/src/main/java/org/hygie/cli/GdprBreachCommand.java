package org.hygie.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.gdpr.Breach;
import org.hygie.practice.gdpr.BreachReport;
import org.hygie.practice.gdpr.Decision;
import org.hygie.practice.gdpr.GdprJsonView;
import org.hygie.practice.gdpr.GdprKeeper;
import org.hygie.practice.gdpr.GdprOverview;
import org.hygie.practice.gdpr.GdprTimes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hygie gdpr breach declare|decide|list}: the breach log and its 72-hour clock (GDPR art. 33). */
@Command(name = "breach", mixinStandardHelpOptions = true,
        description = "Registre des violations de données / the data breach log.",
        subcommands = {GdprBreachCommand.Declare.class, GdprBreachCommand.Decide.class,
                GdprBreachCommand.ListBreaches.class})
final class GdprBreachCommand {
    @ParentCommand
    GdprCommand gdpr;

    Messages messages() {
        return gdpr.root.messages();
    }

    Terminal terminal() {
        return gdpr.root.terminal();
    }

    /** Questions asked on the terminal, answers read from standard input (so that they can be scripted). */
    static final class Questions {
        private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        private final Terminal t;

        Questions(Terminal t) {
            this.t = t;
        }

        /** The answer, stripped; empty at the end of the input. */
        String ask(String question) {
            t.out().print(question + " ");
            t.out().flush();
            try {
                String line = in.readLine();
                return line == null ? "" : line.strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String orAsk(String given, boolean prompt, Questions q, Messages msg, String key) {
        if (given != null) {
            return given;
        }
        return prompt ? q.ask(msg.get(key)) : "";
    }

    /**
     * {@code hygie gdpr breach declare}: writes a breach in the log; the 72-hour clock runs from its discovery.
     * Without {@code --what}, every field not given is asked on the terminal.
     */
    @Command(name = "declare", mixinStandardHelpOptions = true,
            description = "Enregistre une violation de données ; sans --what, les champs manquants sont demandés / "
                    + "records a data breach; without --what, the missing fields are asked.")
    static final class Declare implements Callable<Integer> {
        @ParentCommand
        GdprBreachCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Option(names = "--discovered", paramLabel = "QUAND",
                description = "Découverte le (JJ/MM/AAAA HH:MM ; défaut : maintenant) / discovered on (default: now).")
        String discovered;

        @Option(names = "--what", paramLabel = "TEXTE", description = "Ce qui s'est passé / what happened.")
        String what;

        @Option(names = "--data", paramLabel = "TEXTE", description = "Données concernées / data affected.")
        String data;

        @Option(names = "--people", paramLabel = "TEXTE", description = "Personnes concernées / people affected.")
        String people;

        @Option(names = "--consequences", paramLabel = "TEXTE",
                description = "Conséquences probables / likely consequences.")
        String consequences;

        @Option(names = "--measures", paramLabel = "TEXTE", description = "Mesures prises / measures taken.")
        String measures;

        @Option(names = "--json", description = "Sortie JSON (docs/GDPR.md) / JSON output.")
        boolean json;

        @Override
        public Integer call() {
            Messages msg = parent.messages();
            Terminal t = parent.terminal();
            PracticeConfig config = practice.load(msg, t, json);
            boolean prompt = what == null;
            Questions q = new Questions(t);
            if (prompt) {
                t.println(msg.get("gdpr.declare.intro"));
            }
            Breach b;
            GdprOverview o;
            try {
                String when = orAsk(discovered, prompt, q, msg, "gdpr.declare.ask.discovered");
                Instant at = when.isBlank() ? GdprCommand.clock().instant() : GdprTimes.parse(when,
                        ZoneId.systemDefault());
                BreachReport r = new BreachReport(at, orAsk(what, prompt, q, msg, "gdpr.declare.ask.what"),
                        orAsk(data, prompt, q, msg, "gdpr.declare.ask.data"),
                        orAsk(people, prompt, q, msg, "gdpr.declare.ask.people"),
                        orAsk(consequences, prompt, q, msg, "gdpr.declare.ask.consequences"),
                        orAsk(measures, prompt, q, msg, "gdpr.declare.ask.measures"));
                b = GdprKeeper.of(config, GdprCommand.clock()).declare(r);
                o = GdprOverview.read(config, GdprCommand.clock());
            } catch (RuntimeException e) {
                throw GdprText.translate(e, msg);
            }
            GdprOverview.Entry e = o.breach(b.id()).orElseThrow();
            if (json) {
                t.println(GdprJsonView.breach(e).toString());
            } else {
                t.println(msg.get("gdpr.declare.done", b.id(), PracticeText.date(b.discoveredAt(), msg)));
                t.println(msg.get("gdpr.breach.clock", GdprText.clock(e, msg)));
                t.println(msg.get("gdpr.declare.next", b.id()));
            }
            return ExitCode.OK;
        }
    }

    /** {@code hygie gdpr breach decide ID --notified|--not-notified}: records the decision about the CNIL. */
    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Enregistre la décision : CNIL notifiée, ou non notifiée avec la raison / records the "
                    + "decision: the CNIL notified, or not with the reason.")
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        GdprBreachCommand parent;

        @Mixin
        PracticeOptions practice = new PracticeOptions();

        @Parameters(index = "0", paramLabel = "VIOLATION", description = "La violation, par exemple 2026-1 / the "
                + "breach, e.g. 2026-1.")
        String id;

        static final class Choice {
            @Option(names = "--notified", required = true,
                    description = "La CNIL a été notifiée / the CNIL was notified.")
            boolean notified;

            @Option(names = "--not-notified", required = true,
                    description = "Pas de notification : aucun risque pour les personnes / not notified: no risk.")
            boolean notNotified;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        @Option(names = "--at", paramLabel = "QUAND",
                description = "Date de la notification ou de la décision (défaut : maintenant) / when (default: now).")
        String at;

        @Option(names = "--reference", paramLabel = "NUMÉRO",
                description = "Numéro de la notification à la CNIL / the CNIL notification number.")
        String reference;

        @Option(names = "--reason", paramLabel = "TEXTE",
                description = "Pourquoi la CNIL n'est pas notifiée (demandé s'il manque) / why not (asked if missing).")
        String reason;

        @Option(names = "--json", description = "Sortie JSON (docs/GDPR.md) / JSON output.")
        boolean json;

        @Override
        public Integer call() {
            Messages msg = parent.messages();
            Terminal t = parent.terminal();
            PracticeConfig config = practice.load(msg, t, json);
            GdprOverview.Entry e;
            try {
                Instant when = at == null ? GdprCommand.clock().instant() : GdprTimes.parse(at, ZoneId.systemDefault());
                Decision d;
                if (choice.notified) {
                    d = Decision.notifiedAt(when, reference);
                } else {
                    String why = reason != null ? reason : new Questions(t).ask(msg.get("gdpr.decide.ask.reason"));
                    d = Decision.notNotified(when, why);
                }
                GdprKeeper.of(config, GdprCommand.clock()).decide(id, d);
                e = GdprOverview.read(config, GdprCommand.clock()).breach(id).orElseThrow();
            } catch (RuntimeException x) {
                throw GdprText.translate(x, msg);
            }
            if (json) {
                t.println(GdprJsonView.breach(e).toString());
            } else {
                t.println(msg.get("gdpr.decide.done", id, GdprText.clock(e, msg)));
                if (e.clock().decidedLate()) {
                    t.println(msg.get("gdpr.decide.late"));
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code hygie gdpr breach list}: the breach log, newest first, each with its clock. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Affiche le registre des violations / shows the breach log.")
    static final class ListBreaches implements Callable<Integer> {
        @ParentCommand
        GdprBreachCommand parent;

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
                t.println(GdprJsonView.breaches(o.breaches()).toString());
                return ExitCode.OK;
            }
            t.println(msg.get("gdpr.breaches.header", config.practice(), o.breaches().size()));
            for (GdprOverview.Entry e : o.breaches()) {
                t.println("");
                GdprText.breach(e, msg, t);
            }
            return ExitCode.OK;
        }
    }
}
