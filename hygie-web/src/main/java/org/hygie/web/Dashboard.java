package org.hygie.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hygie.repository.error.RepositoryException;
import org.hygie.web.audit.AuditCache;
import org.hygie.web.auth.LoginTokens;
import org.hygie.web.auth.Secrets;
import org.hygie.web.auth.Session;
import org.hygie.web.auth.Sessions;
import org.hygie.web.html.Fmt;
import org.hygie.web.html.Html;
import org.hygie.web.html.I18n;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.pages.ActionsPage;
import org.hygie.web.pages.AuditPage;
import org.hygie.web.pages.BackupsPage;
import org.hygie.web.pages.GdprPage;
import org.hygie.web.pages.HomePage;
import org.hygie.web.pages.JobPage;
import org.hygie.web.pages.LoginPage;
import org.hygie.web.pages.RestorePage;
import org.hygie.web.restore.RepositoryPool;

/**
 * The doctor's local dashboard ({@code hygie serve}): a web server on 127.0.0.1 only, on a free port.
 *
 * <p>Sign-in: a one-time link ({@link #loginLink()}, printed by the command) or, when configured, the practice
 * password; then a session cookie (HttpOnly, SameSite=Strict). Every page needs the session; every POST needs the
 * session's CSRF token and an Origin (or Referer) of this server; the Host header must name this server (no DNS
 * rebinding). Pages carry a strict Content-Security-Policy (no inline script) and may not be framed.
 */
public final class Dashboard implements AutoCloseable {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> STATIC = Set.of("hygie.css", "hygie.js");
    /** Password attempts allowed per minute, across all browsers. */
    private static final int PASSWORD_TRIES_PER_MINUTE = 5;

    private final DashboardOptions options;
    private final LoginTokens tokens;
    private final Sessions sessions;
    private final AuditCache audits;
    private final RepositoryPool pool;
    private final Jobs jobs = new Jobs();
    private final Map<Long, Integer> passwordTries = new ConcurrentHashMap<>();
    private final Javalin app;
    private final int port;

    private Dashboard(DashboardOptions options) {
        this.options = options;
        this.tokens = new LoginTokens(options.tokenLifetime(), options.clock());
        this.sessions = new Sessions(options.sessionIdle(), Duration.ofHours(12), options.clock());
        this.audits = new AuditCache(options.audit());
        this.pool = new RepositoryPool(options.repositories(), Duration.ofMinutes(2), options.clock());
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = options.port();
            cfg.http.maxRequestSize = 1024 * 1024;
            cfg.routes.before(this::guard);
            cfg.routes.get("/static/{file}", this::serveStatic);
            cfg.routes.get("/login", this::login);
            cfg.routes.post("/login", this::loginWithPassword);
            cfg.routes.post("/logout", this::logout);
            cfg.routes.post("/lang", this::switchLanguage);
            cfg.routes.get("/", ctx -> page(ctx, r -> HomePage.render(r, audits, options.practice().state(r.lang()),
                    options.actions() != null)));
            cfg.routes.get("/audit", ctx -> page(ctx, r -> AuditPage.render(r, audits, options.actions() != null)));
            cfg.routes.post("/audit/attest", ctx -> AuditPage.attest(ctx, req(ctx), options.stateDir(), audits));
            cfg.routes.post("/audit/refresh", ctx -> {
                audits.refresh(session(ctx).lang());
                ctx.redirect("/audit", HttpStatus.SEE_OTHER);
            });
            cfg.routes.get("/backups", ctx -> page(ctx, r -> BackupsPage.render(r, options.practice().state(r.lang()),
                    options.actions() != null)));
            cfg.routes.get("/gdpr", ctx -> page(ctx, r -> GdprPage.render(r, options.practice().gdpr(r.lang()),
                    options.actions() != null)));
            RestorePage restore = new RestorePage(pool, jobs, options.restoreHome(), options.actions() != null);
            cfg.routes.get("/restore", ctx -> page(ctx, r -> restore.media(r)));
            cfg.routes.get("/restore/{medium}", ctx -> page(ctx, r -> restore.snapshots(r, ctx.pathParam("medium"))));
            cfg.routes.get("/restore/{medium}/{snapshot}", ctx -> page(ctx, r -> restore.browse(r,
                    ctx.pathParam("medium"), ctx.pathParam("snapshot"), ctx.queryParam("path"), ctx.queryParam("q"))));
            cfg.routes.get("/restore/{medium}/{snapshot}/download", ctx -> restore.download(ctx,
                    ctx.pathParam("medium"), ctx.pathParam("snapshot"), ctx.queryParam("path")));
            cfg.routes.post("/restore/{medium}/{snapshot}/restore", ctx -> restore.start(ctx, req(ctx),
                    ctx.pathParam("medium"), ctx.pathParam("snapshot")));
            cfg.routes.get("/jobs/{id}", ctx -> page(ctx, r -> JobPage.render(r, jobs.get(ctx.pathParam("id")),
                    options.actions() != null)));
            cfg.routes.get("/jobs/{id}/state", ctx -> JobPage.state(ctx, jobs.get(ctx.pathParam("id"))));
            if (options.actions() != null) {
                ActionsPage actions = new ActionsPage(options.actions(), jobs);
                cfg.routes.get("/actions", ctx -> page(ctx, actions::render));
                cfg.routes.post("/actions/duty", ctx -> actions.start(ctx, req(ctx), true));
                cfg.routes.post("/actions/drill", ctx -> actions.start(ctx, req(ctx), false));
            }
            cfg.routes.exception(RepositoryException.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                    "error.repository", e.getMessage()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                    "error.bad-request", e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                    "error.unexpected", String.valueOf(e.getMessage())));
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, HttpStatus.NOT_FOUND, "error.not-found", ctx.path());
                }
            });
        });
        app.start();
        this.port = app.port();
        audits.start(options.lang());
    }

    /** Starts the dashboard; the audit of this workstation begins at once in the background. */
    public static Dashboard start(DashboardOptions options) {
        return new Dashboard(options);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** A new one-time sign-in link. */
    public String loginLink() {
        return origin() + "/login?token=" + tokens.issue();
    }

    public Duration loginLinkLifetime() {
        return tokens.lifetime();
    }

    @Override
    public void close() {
        app.stop();
        jobs.close();
        audits.close();
        pool.close();
    }

    // ---- the guard: runs before every request ----

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own forms.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String host = ctx.header("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            refuse(ctx, HttpStatus.MISDIRECTED_REQUEST, "refused: unknown host");
            return;
        }
        String path = ctx.path();
        boolean post = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (post && !sameOrigin(ctx)) {
            refuse(ctx, HttpStatus.FORBIDDEN, "refused: cross-site request");
            return;
        }
        if (path.startsWith("/static/") || path.equals("/login")) {
            return;
        }
        Optional<Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s.isEmpty()) {
            if (post) {
                refuse(ctx, HttpStatus.UNAUTHORIZED, "refused: not signed in");
            } else {
                ctx.header("Location", "/login");
                refuse(ctx, HttpStatus.SEE_OTHER, "");
            }
            return;
        }
        ctx.attribute("session", s.get());
        if (post) {
            String given = ctx.header("X-CSRF-Token");
            if (given == null) {
                given = ctx.formParam("_csrf");
            }
            if (!Secrets.same(given, s.get().csrf())) {
                refuse(ctx, HttpStatus.FORBIDDEN, "refused: missing or wrong CSRF token");
            }
        }
    }

    /** An Origin naming this server; without Origin, a Referer on this server; neither: refused. */
    private boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            return origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port);
        }
        String referer = ctx.header("Referer");
        return referer != null && (referer.startsWith("http://127.0.0.1:" + port + "/")
                || referer.startsWith("http://localhost:" + port + "/"));
    }

    private static void refuse(Context ctx, HttpStatus status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
        ctx.skipRemainingHandlers();
    }

    private Session session(Context ctx) {
        Session s = ctx.attribute("session");
        if (s == null) {
            throw new IllegalStateException("no session");
        }
        return s;
    }

    Req req(Context ctx) {
        Session s = session(ctx);
        I18n i18n = I18n.of(s.lang());
        return new Req(i18n, new Fmt(i18n, options.zone()), s.csrf(), ctx.path(), options.clock().instant());
    }

    private interface Renderer {
        String render(Req r) throws Exception;
    }

    private void page(Context ctx, Renderer renderer) throws Exception {
        ctx.html(renderer.render(req(ctx)));
    }

    private void error(Context ctx, HttpStatus status, String key, String detail) {
        Session s = ctx.attribute("session");
        I18n i18n = I18n.of(s == null ? options.lang() : s.lang());
        String body = "<h1>" + Html.esc(i18n.t("error.title")) + "</h1><p>" + Html.esc(i18n.t(key)) + "</p>"
                + (detail == null || detail.isBlank() ? "" : "<p class=\"detail\">" + Html.esc(detail) + "</p>")
                + "<p><a href=\"/\">" + Html.esc(i18n.t("error.home")) + "</a></p>";
        ctx.status(status);
        if (s == null) {
            ctx.html(Layout.bare(i18n, i18n.t("error.title"), body));
        } else {
            ctx.html(Layout.page(req(ctx), i18n.t("error.title"), body, options.actions() != null));
        }
    }

    // ---- sign-in ----

    private void login(Context ctx) {
        String token = ctx.queryParam("token");
        I18n fr = I18n.of(options.lang());
        if (token != null) {
            if (tokens.redeem(token)) {
                signIn(ctx);
                return;
            }
            ctx.status(HttpStatus.UNAUTHORIZED).html(LoginPage.render(fr, options.password() != null, "login.link-spent"));
            return;
        }
        if (sessions.find(ctx.cookie(Sessions.COOKIE)).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(LoginPage.render(fr, options.password() != null, null));
    }

    private void loginWithPassword(Context ctx) {
        I18n fr = I18n.of(options.lang());
        if (options.password() == null) {
            ctx.status(HttpStatus.FORBIDDEN).html(LoginPage.render(fr, false, "login.no-password"));
            return;
        }
        long minute = options.clock().instant().getEpochSecond() / 60;
        passwordTries.keySet().removeIf(m -> m < minute);
        if (passwordTries.merge(minute, 1, Integer::sum) > PASSWORD_TRIES_PER_MINUTE) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(LoginPage.render(fr, true, "login.too-many"));
            return;
        }
        String given = ctx.formParam("password");
        if (given != null && Secrets.same(given.getBytes(StandardCharsets.UTF_8), options.password())) {
            signIn(ctx);
            return;
        }
        ctx.status(HttpStatus.UNAUTHORIZED).html(LoginPage.render(fr, true, "login.wrong-password"));
    }

    private void signIn(Context ctx) {
        Session s = sessions.open(options.lang());
        Cookie c = new Cookie(Sessions.COOKIE, sessions.cookieValue(s), "/", (int) sessions.maxAge().toSeconds(),
                false, true, null, SameSite.STRICT);
        ctx.cookie(c);
        // 303 to a URL without the token: nothing secret stays in the address bar or the history.
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(session(ctx));
        ctx.cookie(new Cookie(Sessions.COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void switchLanguage(Context ctx) {
        Session s = session(ctx);
        s.lang(ctx.formParam("lang"));
        audits.start(s.lang());
        String back = ctx.formParam("back");
        // Only a local path: never an open redirect.
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            back = "/";
        }
        ctx.redirect(URI.create(back.replaceAll("[^\\x21-\\x7e]", "")).getPath(), HttpStatus.SEE_OTHER);
    }

    private void serveStatic(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!STATIC.contains(file)) {
            ctx.status(HttpStatus.NOT_FOUND).result("");
            return;
        }
        try (InputStream in = Dashboard.class.getResourceAsStream("static/" + file)) {
            if (in == null) {
                ctx.status(HttpStatus.NOT_FOUND).result("");
                return;
            }
            ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            ctx.result(in.readAllBytes());
        }
    }

    Instant now() {
        return options.clock().instant();
    }
}
