package org.hygie.cli;

import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.DutyServices;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Step;
import org.hygie.practice.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygie drill}: a restore drill on every present medium, its proof written in the journal. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Exercice de restauration avec preuve écrite / restore drill with written proof.")
final class DrillCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    PracticeOptions practice = new PracticeOptions();

    @Option(names = "--whole", description = "Restaurer des sauvegardes entières, pas un échantillon / restore whole "
            + "snapshots, not a sample.")
    boolean whole;

    @Option(names = "--json", description = "Preuve JSON / JSON proof.")
    boolean json;

    @Override
    public Integer call() {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        PracticeConfig config = practice.load(msg, t, json);
        try {
            DutyRunner runner = new DutyRunner(config, DutyServices.live(config), DutyListener.NONE);
            DutyReport r = runner.drill(whole);
            if (json) {
                t.println(RunCommand.toJson(r, Texts.of(msg.locale())).toString());
            } else {
                for (Event e : r.events()) {
                    String line = PracticeText.event(e, msg);
                    boolean away = e.step().equals(Step.PRESENCE) && "away".equals(e.data().path("presence").asText());
                    if (line != null && !away) {
                        t.println(line);
                    }
                    if (e.step().equals(Step.DRILL)) {
                        for (var s : e.data().path("snapshots")) {
                            for (var f : s.path("files")) {
                                t.println(msg.get(f.path("ok").asBoolean() ? "drill.file.ok" : "drill.file.bad",
                                        f.path("path").asText(), msg.bytes(f.path("size").asLong()),
                                        f.path("chunks").asInt(), f.path("detail").asText("")));
                            }
                        }
                    }
                }
                t.println(msg.get("drill.proof", r.run()));
            }
            return PracticeText.exit(r.outcome());
        } catch (RuntimeException e) {
            throw PracticeText.translate(e);
        }
    }
}
