package org.hygie.practice.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The practice's GDPR file as stored: the register of processing activities and the breach log, in the order they
 * were written.
 */
public record GdprFile(List<Processing> register, List<Breach> breaches) {
    public GdprFile {
        register = List.copyOf(register);
        breaches = List.copyOf(breaches);
    }

    public static GdprFile empty() {
        return new GdprFile(List.of(), List.of());
    }

    public Optional<Processing> entry(String id) {
        return register.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Breach> breach(String id) {
        return breaches.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * When the whole register was last reviewed: the oldest review of its entries (an entry added since is not
     * reviewed yet). Empty when the register is empty or one entry was never reviewed.
     */
    public Optional<Instant> registerReviewed() {
        if (register.isEmpty() || register.stream().anyMatch(p -> p.lastReviewed() == null)) {
            return Optional.empty();
        }
        return register.stream().map(Processing::lastReviewed).min(Instant::compareTo);
    }

    public GdprFile withRegister(List<Processing> r) {
        return new GdprFile(r, breaches);
    }

    public GdprFile withBreaches(List<Breach> b) {
        return new GdprFile(register, b);
    }
}
