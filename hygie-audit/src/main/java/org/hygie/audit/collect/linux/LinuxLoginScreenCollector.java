package org.hygie.audit.collect.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Collector;
import org.hygie.audit.collect.FileRead;
import org.hygie.audit.collect.KeyValues;
import org.hygie.audit.fact.Fact;

/**
 * Automatic sign-in and guest sessions, from the display managers' world-readable configuration: GDM
 * ({@code [daemon] AutomaticLoginEnable}, {@code TimedLoginEnable}), LightDM ({@code autologin-user},
 * {@code allow-guest}), SDDM ({@code [Autologin] User}), and console auto-login in getty drop-ins.
 */
public final class LinuxLoginScreenCollector implements Collector {
    private static final List<String> GDM = List.of("/etc/gdm3/custom.conf", "/etc/gdm3/daemon.conf",
            "/etc/gdm/custom.conf");

    @Override
    public String id() {
        return "linux.login-screen";
    }

    @Override
    public Set<String> provides() {
        return Set.of("accounts.auto_login", "accounts.guest_enabled");
    }

    @Override
    public List<Fact> collect(CollectionContext ctx) {
        List<String> autoLogin = new ArrayList<>();
        List<String> guest = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (String path : GDM) {
            Map<String, String> v = parse(ctx, path, read);
            if (KeyValues.truthy(v.get("daemon.automaticloginenable")) || KeyValues.truthy(v.get("daemon.timedloginenable"))) {
                autoLogin.add(path);
            }
        }
        for (String path : configs(ctx, "/etc/lightdm/lightdm.conf", "/usr/share/lightdm/lightdm.conf.d",
                "/etc/lightdm/lightdm.conf.d")) {
            for (Map.Entry<String, String> e : parse(ctx, path, read).entrySet()) {
                if (e.getKey().endsWith(".autologin-user") && !e.getValue().isBlank()) {
                    autoLogin.add(path);
                }
                if (e.getKey().endsWith(".allow-guest") && KeyValues.truthy(e.getValue())) {
                    guest.add(path);
                }
            }
        }
        for (String path : configs(ctx, "/etc/sddm.conf", "/etc/sddm.conf.d", "/usr/lib/sddm/sddm.conf.d")) {
            String user = parse(ctx, path, read).get("autologin.user");
            if (user != null && !user.isBlank()) {
                autoLogin.add(path);
            }
        }
        String gettyDir = "/etc/systemd/system/getty@tty1.service.d";
        for (String name : ctx.files().list(gettyDir)) {
            FileRead r = ctx.files().read(gettyDir + "/" + name);
            if (r.ok() && r.text().contains("--autologin")) {
                autoLogin.add(gettyDir + "/" + name);
            }
        }
        String source = read.isEmpty() ? "no display manager configuration found" : String.join("; ", read);
        return List.of(Fact.of("accounts.auto_login", !autoLogin.isEmpty(),
                        autoLogin.isEmpty() ? source : String.join("; ", autoLogin)),
                Fact.of("accounts.guest_enabled", !guest.isEmpty(), guest.isEmpty() ? source : String.join("; ", guest)));
    }

    private static List<String> configs(CollectionContext ctx, String main, String... dirs) {
        List<String> paths = new ArrayList<>();
        for (String dir : dirs) {
            ctx.files().list(dir).stream().filter(n -> n.endsWith(".conf")).forEach(n -> paths.add(dir + "/" + n));
        }
        paths.add(main); // the main file is read last: it overrides the drop-ins
        return paths;
    }

    private static Map<String, String> parse(CollectionContext ctx, String path, List<String> read) {
        FileRead r = ctx.files().read(path);
        if (!r.ok()) {
            return Map.of();
        }
        read.add(path);
        return KeyValues.parse(r.text());
    }
}
