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
        return with(b -> b.clock = c);
    }

    public DutyServices withRetention(RetentionStep r) {
        return with(b -> b.retention = r);
    }

    public DutyServices withSmart(SmartProbe s) {
        return with(b -> b.smart = s);
    }

    public DutyServices withSpace(SpaceProbe s) {
        return with(b -> b.space = s);
    }

    public DutyServices withAudit(AuditStep a) {
        return with(b -> b.audit = a);
    }

    public DutyServices withNotifier(Notifier n) {
        return with(b -> b.notifier = n);
    }

    public DutyServices withCommands(Commands c) {
        return with(b -> b.commands = c);
    }

    public DutyServices withRandom(Random r) {
        return with(b -> b.random = r);
    }

    public DutyServices withKdf(Repository.KdfParams k) {
        return with(b -> b.kdf = k);
    }

    public DutyServices withWriter(WriterOptions w) {
        return with(b -> b.writer = w);
    }

    /** Where far repositories keep their local copy of index files, snapshots and tree packs ({@code Repository#cachedIn}). */
    public DutyServices withCacheRoot(Path root) {
        return with(b -> b.cacheRoot = root);
    }

    /** These services with the change {@code change} makes to a copy of their fields. */
    private DutyServices with(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.services();
    }

    /** The record's fields, to change one and make a new record: each {@code with} method changes one. */
    private static final class Fields {
        Clock clock;
        MediumOpener backends;
        RetentionStep retention;
        SmartProbe smart;
        SpaceProbe space;
        AuditStep audit;
        Notifier notifier;
        Commands commands;
        Random random;
        WriterOptions writer;
        Repository.KdfParams kdf;
        String host;
        Path cacheRoot;

        Fields(DutyServices s) {
            clock = s.clock;
            backends = s.backends;
            retention = s.retention;
            smart = s.smart;
            space = s.space;
            audit = s.audit;
            notifier = s.notifier;
            commands = s.commands;
            random = s.random;
            writer = s.writer;
            kdf = s.kdf;
            host = s.host;
            cacheRoot = s.cacheRoot;
        }

        DutyServices services() {
            return new DutyServices(clock, backends, retention, smart, space, audit, notifier, commands, random, writer,
                    kdf, host, cacheRoot);
        }
    }
}
