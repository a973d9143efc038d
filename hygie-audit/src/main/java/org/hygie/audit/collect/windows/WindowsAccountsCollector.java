package org.hygie.audit.collect.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * Windows accounts: automatic sign-in ({@code Winlogon AutoAdminLogon = "1"}, and whether a
 * {@code DefaultPassword} is stored: its value is never read out), the built-in Guest (SID ending in -501) enabled,
 * enabled accounts allowed to have no password ({@code PasswordRequired = false}), and whether the current token
 * holds the Administrators group (S-1-5-32-544). Whether a password is actually empty cannot be seen by a
 * standard user.
 */
public final class WindowsAccountsCollector implements Collector {
    static final String WINLOGON = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon";

    @Override
    public String id() {
        return "windows.accounts";
    }

    @Override
    public Set<String> provides() {
        return Set.of("accounts.auto_login", "accounts.auto_login_password_stored", "accounts.guest_enabled",
                "accounts.password_not_required_count", "accounts.daily_user", "accounts.daily_user_admin");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        WindowsBatch batch = WindowsBatch.of(ctx);
        WindowsBatch.Section winlogon = batch.registry(WINLOGON);
        Fact auto;
        Fact stored;
        if (winlogon.ok()) {
            auto = Fact.of("accounts.auto_login", "1".equals(winlogon.text("AutoAdminLogon")), WINLOGON + "\\AutoAdminLogon");
            stored = Fact.of("accounts.auto_login_password_stored",
                    winlogon.node().path("DefaultPasswordPresent").asBoolean(false), WINLOGON + "\\DefaultPassword (presence)");
        } else {
            auto = winlogon.fail("accounts.auto_login");
            stored = winlogon.fail("accounts.auto_login_password_stored");
        }
        WindowsBatch.Section users = batch.section("local_users", "Get-LocalUser");
        Fact guest;
        Fact notRequired;
        if (users.ok()) {
            boolean guestOn = false;
            long count = 0;
            for (JsonNode u : users.node()) {
                boolean enabled = u.path("Enabled").asBoolean(false);
                guestOn |= enabled && u.path("SID").asText("").endsWith("-501");
                if (enabled && !u.path("PasswordRequired").asBoolean(true)) {
                    count++;
                }
            }
            guest = Fact.of("accounts.guest_enabled", guestOn, users.source() + " (SID -501)");
            notRequired = Fact.of("accounts.password_not_required_count", count, users.source() + " PasswordRequired");
        } else {
            guest = users.fail("accounts.guest_enabled");
            notRequired = users.fail("accounts.password_not_required_count");
        }
        WindowsBatch.Section user = batch.section("user", "current token groups");
        Fact daily = user.ok() && !user.node().path("name").asText("").isBlank()
                ? Fact.of("accounts.daily_user", user.node().path("name").asText(), "%USERNAME%")
                : Fact.unavailable("accounts.daily_user", FactStatus.NOT_SUPPORTED, "%USERNAME%", "unknown user");
        Fact admin = user.ok() && user.node().has("is_admin")
                ? Fact.of("accounts.daily_user_admin", user.node().get("is_admin").asBoolean(), "token groups (S-1-5-32-544)")
                : user.ok() ? Fact.unavailable("accounts.daily_user_admin", FactStatus.PARSE_ERROR, "token groups", "missing")
                : user.fail("accounts.daily_user_admin");
        return List.of(auto, stored, guest, notRequired, daily, admin);
    }
}
