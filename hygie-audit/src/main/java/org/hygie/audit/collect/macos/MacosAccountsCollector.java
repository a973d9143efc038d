package org.hygie.audit.collect.macos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * macOS accounts: automatic login ({@code autoLoginUser} in {@code /Library/Preferences/com.apple.loginwindow},
 * and the obfuscated password file {@code /etc/kcpassword}), the guest user ({@code GuestEnabled}), and whether the
 * user belongs to {@code admin} ({@code dseditgroup -o checkmember}). Empty passwords cannot be seen without an
 * administrator: that fact is not given.
 */
public final class MacosAccountsCollector implements Collector {
    static final String LOGINWINDOW = "defaults read /Library/Preferences/com.apple.loginwindow";

    @Override
    public String id() {
        return "macos.accounts";
    }

    @Override
    public Set<String> provides() {
        return Set.of("accounts.auto_login", "accounts.auto_login_password_stored", "accounts.guest_enabled",
                "accounts.daily_user", "accounts.daily_user_admin");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        CommandResult lw = ctx.run(LOGINWINDOW.split(" "));
        Fact auto;
        Fact guest;
        if (lw.ok()) {
            Map<String, String> v = DefaultsText.parse(lw.stdout());
            String user = v.get("autoLoginUser");
            auto = Fact.of("accounts.auto_login", user != null && !user.isBlank(), LOGINWINDOW + " autoLoginUser");
            guest = Fact.of("accounts.guest_enabled", DefaultsText.bool(v, "GuestEnabled", false), LOGINWINDOW + " GuestEnabled");
        } else if (lw.completed() && lw.message().contains("does not exist")) {
            auto = Fact.defaulted("accounts.auto_login", false, LOGINWINDOW);
            guest = Fact.defaulted("accounts.guest_enabled", false, LOGINWINDOW);
        } else {
            auto = Outcomes.failed("accounts.auto_login", LOGINWINDOW, lw);
            guest = auto.as("accounts.guest_enabled");
        }
        Fact stored = Fact.of("accounts.auto_login_password_stored", ctx.files().exists("/etc/kcpassword"), "/etc/kcpassword");
        String user = ctx.env("USER");
        if (user == null || user.isBlank()) {
            Fact unknown = Fact.unavailable("accounts.daily_user", FactStatus.NOT_SUPPORTED, "$USER", "user name not known");
            return List.of(auto, stored, guest, unknown, unknown.as("accounts.daily_user_admin"));
        }
        String cmd = "dseditgroup -o checkmember -m " + user + " admin";
        CommandResult member = ctx.run(cmd.split(" "));
        Fact admin;
        if (member.stdout().startsWith("yes ")) {
            admin = Fact.of("accounts.daily_user_admin", true, cmd);
        } else if (member.stdout().startsWith("no ")) {
            admin = Fact.of("accounts.daily_user_admin", false, cmd);
        } else {
            admin = Outcomes.failed("accounts.daily_user_admin", cmd, member);
        }
        return List.of(auto, stored, guest, Fact.of("accounts.daily_user", user, "$USER"), admin);
    }
}
