package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.duty.DutyListener;
import org.hygie.practice.duty.DutyReport;
import org.hygie.practice.duty.DutyRunner;
import org.hygie.practice.duty.DutyServices;
import org.hygie.practice.duty.Notice;
import org.hygie.practice.duty.Schedule;
import org.hygie.practice.journal.Event;
import org.hygie.practice.journal.Journal;
import org.hygie.practice.text.Texts;
import org.hygie.repository.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie run}: the nightly duty (all of it is in {@code hygie-practice}). Exit 0 when all is well, 3 when
 * something needs attention, 1 when a step failed, 11 when another duty is running.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Le passage de sauvegarde nocturne / the nightly duty: sauvegarde, vérification, santé des "
                + "disques, audit, journal, courriel.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    PracticeOptions practice = new PracticeOptions();

    @Option(names = "--if-due", description = "Seulement si le passage prévu n'a pas eu lieu (ordinateur éteint) / "
            + "only if the scheduled run was missed.")
    boolean ifDue;

    @Option(names = "--json", description = "Compte rendu JSON / JSON report.")
    boolean json;

    @Override
    public Integer call() {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        PracticeConfig config = practice.load(msg, t, json);
        try {
            DutyServices services = DutyServices.live(config);
            if (ifDue) {
                try (Journal j = Journal.open(config.stateDir(), services.clock())) {
                    if (!Schedule.due(config, j)) {
                        if (!json) {
                            t.println(msg.get("run.not-due"));
                        }
                        return ExitCode.OK;
                    }
                }
            }
            if (!json) {
                t.println(msg.get("run.header", config.practice(), PracticeText.date(services.clock().instant(), msg)));
            }
            DutyListener listener = json ? DutyListener.NONE : new DutyListener() {
                @Override
                public void recorded(Event e) {
                    String line = PracticeText.event(e, msg);
                    if (line != null) {
                        t.println(line);
                    }
                }
            };
            DutyReport report = new DutyRunner(config, services, listener).duty();
            if (json) {
                t.println(toJson(report, Texts.of(msg.locale())).toString());
            } else {
                t.println("");
                t.println(msg.get("run.result." + report.outcome().code()));
                PracticeText.notices(report.notices(), msg, t);
            }
            return PracticeText.exit(report.outcome());
        } catch (RuntimeException e) {
            throw PracticeText.translate(e);
        }
    }

    static ObjectNode toJson(DutyReport r, Texts texts) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("run", r.run()).put("kind", r.kind()).put("outcome", r.outcome().code()).put("mailed", r.mailed());
        ArrayNode ev = o.putArray("events");
        for (Event e : r.events()) {
            ObjectNode x = ev.addObject().put("at", e.at().toString()).put("step", e.step()).put("medium", e.medium())
                    .put("outcome", e.outcome().code()).put("summary", e.summary());
            x.set("data", e.data());
        }
        ArrayNode n = o.putArray("notices");
        for (Notice x : r.notices()) {
            n.addObject().put("code", x.code()).put("level", x.level().code()).put("act", x.act())
                    .put("topic", x.topic().code()).put("medium", x.medium()).put("text", x.text(texts))
                    .put("action", x.action(texts)).put("detail", x.detail());
        }
        return o;
    }
}
