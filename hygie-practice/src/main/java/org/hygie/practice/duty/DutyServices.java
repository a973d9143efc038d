package org.hygie.practice.duty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.notify.Notifier;
import org.hygie.practice.notify.SmtpNotifier;
import org.hygie.repository.Repository;
import org.hygie.repository.cache.CacheRoot;
import org.hygie.repository.host.Host;
import org.hygie.repository.write.WriterOptions;

/**
 * Everything the duty uses from the outside world, handed in so that a test sets the date, replaces the
 * audit, the SMART probe or the mail server, and the product uses the real ones ({@link #live}).
 */
public record DutyServices(Clock clock, MediumOpener backends, RetentionStep retention,
        SmartProbe smart, SpaceProbe space, AuditStep audit, Notifier notifier, Commands commands, Random random,
        WriterOptions writer, Repository.KdfParams kdf, String host, Path cacheRoot) {

    /** The real world: the system clock, real backends, smartctl, the live audit, the configured mail server. */
    public static DutyServices live(PracticeConfig config) {
        Clock clock = Clock.systemDefaultZone();
        return new DutyServices(clock, MediumOpener.LIVE, new ForgetRetentionStep(),
                SmartProbe.smartctl(Commands.SYSTEM), SpaceProbe.FILE_STORE, AuditStep.LIVE,
                config.alerts() == null ? Notifier.NONE : new SmtpNotifier(config.alerts(), clock), Commands.SYSTEM,
                new java.security.SecureRandom(), WriterOptions.defaults(), Repository.KdfParams.DEFAULT,
                Host.hostname(), CacheRoot.standard());
    }

    public DutyServices withClock(Clock c) {
        return new DutyServices(c, backends, retention, smart, space, audit, notifier, commands, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withRetention(RetentionStep r) {
        return new DutyServices(clock, backends, r, smart, space, audit, notifier, commands, random, writer, kdf, host,
                cacheRoot);
    }

    public DutyServices withSmart(SmartProbe s) {
        return new DutyServices(clock, backends, retention, s, space, audit, notifier, commands, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withSpace(SpaceProbe s) {
        return new DutyServices(clock, backends, retention, smart, s, audit, notifier, commands, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withAudit(AuditStep a) {
        return new DutyServices(clock, backends, retention, smart, space, a, notifier, commands, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withNotifier(Notifier n) {
        return new DutyServices(clock, backends, retention, smart, space, audit, n, commands, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withCommands(Commands c) {
        return new DutyServices(clock, backends, retention, smart, space, audit, notifier, c, random, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withRandom(Random r) {
        return new DutyServices(clock, backends, retention, smart, space, audit, notifier, commands, r, writer, kdf,
                host, cacheRoot);
    }

    public DutyServices withKdf(Repository.KdfParams k) {
        return new DutyServices(clock, backends, retention, smart, space, audit, notifier, commands, random, writer, k,
                host, cacheRoot);
    }

    public DutyServices withWriter(WriterOptions w) {
        return new DutyServices(clock, backends, retention, smart, space, audit, notifier, commands, random, w, kdf,
                host, cacheRoot);
    }

    /** Where far repositories keep their local copy of index files and snapshots ({@code Repository#cachedIn}). */
    public DutyServices withCacheRoot(Path root) {
        return new DutyServices(clock, backends, retention, smart, space, audit, notifier, commands, random, writer, kdf,
                host, root);
    }
}
