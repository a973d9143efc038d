package org.hygie.web.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.hygie.web.Jobs;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.practice.PracticeActions;

/** Run the nightly duty or a restore drill now; the progress page follows it live. */
public final class ActionsPage {
    private final PracticeActions actions;
    private final Jobs jobs;

    public ActionsPage(PracticeActions actions, Jobs jobs) {
        this.actions = actions;
        this.jobs = jobs;
    }

    public String render(Req r) {
        String body = "<h1>" + r.et("actions.title") + "</h1>"
                + "<section class=\"card\"><h2>" + r.et("actions.duty") + "</h2><p>" + r.et("actions.duty.text") + "</p>"
                + "<form method=\"post\" action=\"/actions/duty\">" + r.csrfField() + "<button type=\"submit\" id=\"run-duty\">"
                + r.et("actions.duty.go") + "</button></form></section>"
                + "<section class=\"card\"><h2>" + r.et("actions.drill") + "</h2><p>" + r.et("actions.drill.text") + "</p>"
                + "<form method=\"post\" action=\"/actions/drill\">" + r.csrfField() + "<button type=\"submit\" id=\"run-drill\">"
                + r.et("actions.drill.go") + "</button></form></section>";
        return Layout.page(r, r.t("actions.title"), body, true);
    }

    public void start(Context ctx, Req r, boolean duty) {
        String title = r.t(duty ? "actions.duty" : "actions.drill");
        Jobs.Job job = jobs.start(title, "/backups", j -> {
            PracticeActions.Progress p = new PracticeActions.Progress() {
                @Override
                public void progress(double fraction, String text) {
                    j.progress(fraction, text);
                }

                @Override
                public void line(String text) {
                    j.line(text);
                }
            };
            boolean ok = duty ? actions.runDuty(r.lang(), p) : actions.runDrill(r.lang(), p);
            j.finish(ok, r.t(ok ? "actions.ok" : "actions.failed"));
        });
        ctx.redirect("/jobs/" + job.id(), HttpStatus.SEE_OTHER);
    }

}
