package org.hygie.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hygie.repository.Repository;
import org.hygie.web.audit.AuditSource;
import org.hygie.web.practice.PracticeActions;
import org.hygie.web.practice.PracticeView;
import org.hygie.web.restore.Repositories;

/**
 * How to run the dashboard.
 *
 * @param port          TCP port on 127.0.0.1; 0 for a free one
 * @param practice      the practice's state
 * @param actions       what the Actions page can start, or null to leave the page out
 * @param repositories  the media the Restore page can open
 * @param audit         runs the workstation audit
 * @param stateDir      folder of the attestations (the audit's state folder)
 * @param password      the practice password, accepted on the login form; null: the one-time link only
 * @param restoreHome   folder proposed as restore target (a dated subfolder is suggested)
 * @param tokenLifetime how long a one-time login link works
 * @param sessionIdle   a session ends after this long without a request
 * @param zone          time zone of the dates shown
 * @param clock         the clock
 * @param lang          language of a new session ({@code fr} or {@code en}); the page's switch changes it
 */
public record DashboardOptions(int port, PracticeView practice, PracticeActions actions, Repositories repositories,
                               AuditSource audit, Path stateDir, byte[] password, Path restoreHome,
                               Duration tokenLifetime, Duration sessionIdle, ZoneId zone, Clock clock,
                               String lang) {
    public static DashboardOptions of(Repositories repositories, AuditSource audit, Path stateDir) {
        return new DashboardOptions(0, PracticeView.none(), null, repositories, audit, stateDir, null,
                Path.of(System.getProperty("user.home"), "Hygie-restaurations"), Duration.ofMinutes(5),
                Duration.ofMinutes(30), ZoneId.systemDefault(), Clock.systemDefaultZone(), "fr");
    }

    public DashboardOptions withPort(int p) {
        return new DashboardOptions(p, practice, actions, repositories, audit, stateDir, password, restoreHome,
                tokenLifetime, sessionIdle, zone, clock, lang);
    }

    public DashboardOptions withPractice(PracticeView view, PracticeActions act) {
        return new DashboardOptions(port, view, act, repositories, audit, stateDir, password, restoreHome,
                tokenLifetime, sessionIdle, zone, clock, lang);
    }

    public DashboardOptions withPassword(byte[] pw) {
        return new DashboardOptions(port, practice, actions, repositories, audit, stateDir, pw, restoreHome,
                tokenLifetime, sessionIdle, zone, clock, lang);
    }

    public DashboardOptions withRestoreHome(Path home) {
        return new DashboardOptions(port, practice, actions, repositories, audit, stateDir, password, home,
                tokenLifetime, sessionIdle, zone, clock, lang);
    }

    public DashboardOptions withTimes(Duration token, Duration idle, ZoneId z, Clock c) {
        return new DashboardOptions(port, practice, actions, repositories, audit, stateDir, password, restoreHome,
                token, idle, z, c, lang);
    }

    public DashboardOptions withLanguage(String l) {
        return new DashboardOptions(port, practice, actions, repositories, audit, stateDir, password, restoreHome,
                tokenLifetime, sessionIdle, zone, clock, "en".equals(l) ? "en" : "fr");
    }

    /** No repository at all. */
    public static Repositories noRepositories() {
        return new Repositories() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public String location(String name) {
                throw new IllegalArgumentException(name);
            }

            @Override
            public Repository open(String name) {
                throw new IllegalArgumentException(name);
            }
        };
    }
}
