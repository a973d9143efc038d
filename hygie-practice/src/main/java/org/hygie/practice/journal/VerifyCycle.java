package org.hygie.practice.journal;

import java.time.Instant;

/**
 * Progress of the rotating verification of one medium: a cycle reads groups 1..{@code groups} of the packs
 * (restic's {@code --read-data-subset n/m}), one or more per duty; {@code next} is the next group to read.
 */
public record VerifyCycle(String medium, Instant started, int groups, int next) {
    public boolean complete() {
        return next > groups;
    }

    public int remaining() {
        return Math.max(0, groups - next + 1);
    }
}
