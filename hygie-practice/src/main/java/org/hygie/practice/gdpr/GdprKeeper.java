package org.hygie.practice.gdpr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hygie.practice.config.PracticeConfig;

/**
 * The changes the practice makes to its GDPR file: pre-fill the register, approve it, declare a breach, record the
 * decision about a breach. Each one reads the file (a damaged file is refused, {@link GdprFileException}, and
 * left as it is), checks the change ({@link GdprRefused} when it cannot be made), and writes the file whole.
 */
public final class GdprKeeper {
    private final GdprStore store;
    private final Clock clock;

    public GdprKeeper(Path stateDir, Clock clock) {
        this.store = new GdprStore(stateDir);
        this.clock = clock;
    }

    /** The GDPR file of the practice, in its state folder. */
    public static GdprKeeper of(PracticeConfig config, Clock clock) {
        return new GdprKeeper(config.stateDir(), clock);
    }

    public GdprStore store() {
        return store;
    }

    /**
     * Adds to the register the entries of the model ({@link RegisterModel}) it does not have yet (by id), in
     * {@code language}, not reviewed: the practice reads them, adapts them and then approves them. Entries already
     * there are left as they are. Returns the entries added.
     */
    public List<Processing> initRegister(String language) {
        GdprFile f = store.load();
        List<Processing> register = new ArrayList<>(f.register());
        List<Processing> added = new ArrayList<>();
        for (Processing p : RegisterModel.entries(language)) {
            if (f.entry(p.id()).isEmpty()) {
                register.add(p);
                added.add(p);
            }
        }
        if (!added.isEmpty()) {
            store.save(f.withRegister(register));
        }
        return added;
    }

    /** Records that the practice reviewed the entries {@code ids} (all of them when empty) now. Returns them. */
    public List<Processing> reviewRegister(List<String> ids) {
        GdprFile f = store.load();
        if (f.register().isEmpty()) {
            throw new GdprRefused("register-empty");
        }
        for (String id : ids) {
            if (f.entry(id).isEmpty()) {
                throw new GdprRefused("unknown-entry", id, String.join(", ", f.register().stream().map(Processing::id)
                        .toList()));
            }
        }
        Set<String> chosen = Set.copyOf(ids);
        Instant now = clock.instant();
        List<Processing> register = new ArrayList<>();
        List<Processing> reviewed = new ArrayList<>();
        for (Processing p : f.register()) {
            if (chosen.isEmpty() || chosen.contains(p.id())) {
                p = p.reviewed(now);
                reviewed.add(p);
            }
            register.add(p);
        }
        store.save(f.withRegister(register));
        return reviewed;
    }

    /** Writes a new breach in the log, its 72-hour clock running from its discovery. Returns it with its id. */
    public Breach declare(BreachReport r) {
        Instant now = clock.instant();
        if (r.whatHappened() == null || r.whatHappened().isBlank()) {
            throw new GdprRefused("what-missing");
        }
        if (r.discoveredAt().isAfter(now)) {
            throw new GdprRefused("discovered-in-future", r.discoveredAt());
        }
        GdprFile f = store.load();
        int year = r.discoveredAt().atZone(clock.getZone()).getYear();
        int n = 1;
        while (f.breach(year + "-" + n).isPresent()) {
            n++;
        }
        Breach b = new Breach(year + "-" + n, r.discoveredAt(), now, r.whatHappened().strip(), strip(r.dataAffected()),
                strip(r.peopleAffected()), strip(r.consequences()), strip(r.measures()), null);
        List<Breach> all = new ArrayList<>(f.breaches());
        all.add(b);
        store.save(f.withBreaches(all));
        return b;
    }

    /**
     * Records the decision about breach {@code id}: the CNIL notified, or not with the reason. A breach is decided
     * once; the decision cannot come before the breach was discovered, nor after now.
     */
    public Breach decide(String id, Decision d) {
        GdprFile f = store.load();
        Breach b = f.breach(id).orElseThrow(() -> new GdprRefused("unknown-breach", id,
                f.breaches().isEmpty() ? "-" : String.join(", ", f.breaches().stream().map(Breach::id).toList())));
        if (b.decision() != null) {
            throw new GdprRefused("already-decided", id, b.decision().at());
        }
        if (!d.notified() && (d.reason() == null || d.reason().isBlank())) {
            throw new GdprRefused("reason-missing");
        }
        if (d.at().isBefore(b.discoveredAt())) {
            throw new GdprRefused("decided-before-discovery", d.at(), b.discoveredAt());
        }
        if (d.at().isAfter(clock.instant())) {
            throw new GdprRefused("decided-in-future", d.at());
        }
        Decision kept = d.notified() ? Decision.notifiedAt(d.at(), d.reference())
                : Decision.notNotified(d.at(), d.reason().strip());
        Breach decided = b.decided(kept);
        List<Breach> all = new ArrayList<>();
        f.breaches().forEach(x -> all.add(x.id().equals(id) ? decided : x));
        store.save(f.withBreaches(all));
        return decided;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
