package org.hygie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, CSRF, Origin and Host checks, and the security headers, seen from plain HTTP clients. */
class DashboardSecurityTest {
    @TempDir
    Path tmp;

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    MovableClock clock = new MovableClock();
    Dashboard d;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        DashboardOptions o = DashboardOptions.of(DashboardOptions.noRepositories(), lang -> {
            throw new IllegalStateException("no audit in this test");
        }, tmp).withPassword("sésame du cabinet".getBytes(StandardCharsets.UTF_8))
                .withTimes(Duration.ofMinutes(5), Duration.ofMinutes(30), ZoneOffset.UTC, clock);
        d = Dashboard.start(o);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.origin() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String origin, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with a fresh one-time link; returns the Cookie header to send. */
    private String signIn() throws Exception {
        String link = d.loginLink();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode());
        assertEquals("/", r.headers().firstValue("Location").orElseThrow());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set.contains("HttpOnly"), set);
        assertTrue(set.contains("SameSite=Strict"), set);
        assertTrue(set.contains("Path=/"), set);
        return set.substring(0, set.indexOf(';'));
    }

    private String csrf(String cookie) throws Exception {
        HttpResponse<String> page = get("/restore", cookie);
        assertEquals(200, page.statusCode());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void boundToLoopbackOnly() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    assertThrows(ConnectException.class, () -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(a, d.port()), 2000);
                        }
                    }, "reachable on " + a);
                }
            }
        }
        assertTrue(d.origin().startsWith("http://127.0.0.1:"));
    }

    @Test
    void everyPageNeedsASession() throws Exception {
        for (String p : new String[] {"/", "/audit", "/backups", "/gdpr", "/restore", "/restore/x/y", "/jobs/abc"}) {
            HttpResponse<String> r = get(p, null);
            assertEquals(303, r.statusCode(), p);
            assertEquals("/login", r.headers().firstValue("Location").orElseThrow(), p);
        }
        assertEquals(401, post("/audit/refresh", null, d.origin(), "").statusCode());
        assertEquals(303, get("/", "hygie_session=" + "A".repeat(43)).statusCode(), "an unknown session");
        assertEquals(200, get("/login", null).statusCode());
        assertEquals(200, get("/static/hygie.css", null).statusCode());
    }

    @Test
    void theLinkWorksOnceAndExpires() throws Exception {
        String link = d.loginLink();
        assertEquals(303, http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, again.statusCode());
        assertFalse(again.headers().firstValue("Set-Cookie").isPresent());
        String late = d.loginLink();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(late)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, get("/login?token=" + "x".repeat(43), null).statusCode());
    }

    @Test
    void sessionsEndWhenIdleAndOnSignOut() throws Exception {
        String cookie = signIn();
        assertEquals(200, get("/restore", cookie).statusCode());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertEquals(303, get("/restore", cookie).statusCode());
        cookie = signIn();
        String token = csrf(cookie);
        assertEquals(303, post("/logout", cookie, d.origin(), "_csrf=" + token).statusCode());
        assertEquals(303, get("/restore", cookie).statusCode());
    }

    @Test
    void everyPostNeedsTheCsrfTokenAndOurOrigin() throws Exception {
        String cookie = signIn();
        String token = csrf(cookie);
        String form = "lang=en&back=%2Frestore&_csrf=" + token;
        assertEquals(403, post("/lang", cookie, d.origin(), "lang=en&back=%2F").statusCode(), "no token");
        assertEquals(403, post("/lang", cookie, d.origin(), "lang=en&_csrf=" + "B".repeat(43)).statusCode(), "bad token");
        assertEquals(403, post("/lang", cookie, "http://evil.example", form).statusCode(), "foreign origin");
        assertEquals(403, post("/lang", cookie, "null", form).statusCode(), "opaque origin");
        assertEquals(403, post("/lang", cookie, null, form).statusCode(), "no origin, no referer");
        HttpResponse<String> ok = post("/lang", cookie, d.origin(), form);
        assertEquals(303, ok.statusCode());
        assertEquals("/restore", ok.headers().firstValue("Location").orElseThrow());
        assertTrue(get("/restore", cookie).body().contains("lang=\"en\""));
        // A Referer on this server stands in for a missing Origin.
        HttpResponse<String> viaReferer = http.send(HttpRequest.newBuilder(URI.create(d.origin() + "/lang"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .header("Referer", d.origin() + "/restore")
                .POST(HttpRequest.BodyPublishers.ofString("lang=fr&back=%2F&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, viaReferer.statusCode());
        // Never an open redirect.
        assertEquals("/", post("/lang", cookie, d.origin(), "lang=fr&back=%2F%2Fevil.example&_csrf=" + token)
                .headers().firstValue("Location").orElseThrow());
    }

    @Test
    void passwordSignInIsLimited() throws Exception {
        assertEquals(401, post("/login", null, d.origin(), "password=faux").statusCode());
        assertEquals(403, post("/login", null, "http://evil.example", "password=s%C3%A9same+du+cabinet").statusCode());
        HttpResponse<String> ok = post("/login", null, d.origin(), "password=s%C3%A9same+du+cabinet");
        assertEquals(303, ok.statusCode());
        assertTrue(ok.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));
        for (int i = 0; i < 4; i++) {
            post("/login", null, d.origin(), "password=faux");
        }
        assertEquals(429, post("/login", null, d.origin(), "password=s%C3%A9same+du+cabinet").statusCode());
    }

    @Test
    void securityHeadersOnEveryResponse() throws Exception {
        String cookie = signIn();
        for (HttpResponse<String> r : new HttpResponse[] {get("/restore", cookie), get("/login", null), get("/", null)}) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        }
        String page = get("/restore", cookie).body();
        assertFalse(page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertFalse(page.contains(" style=\""), "no inline style");
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        // DNS rebinding: a page of evil.example resolved to 127.0.0.1 would send Host: evil.example.
        try (Socket s = new Socket("127.0.0.1", d.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /login HTTP/1.1\r\nHost: evil.example:" + d.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 421"), head);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
