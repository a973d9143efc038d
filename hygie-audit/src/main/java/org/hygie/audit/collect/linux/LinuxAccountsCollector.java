package org.hygie.audit.collect.linux;

import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;

/**
 * The everyday account and its rights, and accounts without a password. The everyday user is {@code SUDO_USER}
 * when the audit runs through sudo, else {@code USER}; it is an administrator when it is root or belongs to
 * {@code sudo}, {@code wheel} or {@code admin} (from {@code /etc/passwd} and {@code /etc/group}). Empty password
 * fields are counted in {@code /etc/shadow}, which only root can read: for a standard user that fact is
 * {@code access_denied}.
 */
public final class LinuxAccountsCollector implements Collector {
    private static final Set<String> ADMIN_GROUPS = Set.of("sudo", "wheel", "admin");

    @Override
    public String id() {
        return "linux.accounts";
    }

    @Override
    public Set<String> provides() {
        return Set.of("accounts.daily_user", "accounts.daily_user_admin", "accounts.empty_password_count");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        String user = ctx.env("SUDO_USER");
        if (user == null || user.isBlank() || user.equals("root")) {
            user = ctx.env("USER") != null ? ctx.env("USER") : ctx.env("LOGNAME");
        }
        String envSource = "environment (SUDO_USER, USER)";
        Fact daily;
        Fact admin;
        if (user == null || user.isBlank()) {
            daily = Fact.unavailable("accounts.daily_user", org.hygie.audit.fact.FactStatus.NOT_SUPPORTED, envSource,
                    "user name not known");
            admin = daily.as("accounts.daily_user_admin");
        } else {
            daily = Fact.of("accounts.daily_user", user, envSource);
            admin = adminFact(ctx, user);
        }
        return List.of(daily, admin, emptyPasswords(ctx));
    }

    private static Fact adminFact(CollectionContext ctx, String user) {
        FileRead passwd = ctx.files().read("/etc/passwd");
        FileRead group = ctx.files().read("/etc/group");
        if (!passwd.ok() || !group.ok()) {
            return Outcomes.unreadable("accounts.daily_user_admin", "/etc/passwd, /etc/group",
                    passwd.ok() ? group : passwd);
        }
        String uid = null;
        String gid = null;
        for (String line : passwd.text().split("\\R")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(user)) {
                uid = f[2];
                gid = f[3];
            }
        }
        boolean isAdmin = "0".equals(uid);
        for (String line : group.text().split("\\R")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && ADMIN_GROUPS.contains(f[0])
                    && (f[2].equals(gid) || List.of(f[3].split(",")).contains(user))) {
                isAdmin = true;
            }
        }
        return Fact.of("accounts.daily_user_admin", isAdmin, "/etc/passwd, /etc/group (root, sudo, wheel, admin)");
    }

    private static Fact emptyPasswords(CollectionContext ctx) {
        FileRead shadow = ctx.files().read("/etc/shadow");
        if (!shadow.ok()) {
            return Outcomes.unreadable("accounts.empty_password_count", "/etc/shadow", shadow);
        }
        long empty = shadow.text().lines().map(l -> l.split(":", -1))
                .filter(f -> f.length >= 2 && !f[0].isBlank() && f[1].isEmpty()).count();
        return Fact.privileged("accounts.empty_password_count", empty, "/etc/shadow (password field empty)");
    }
}
