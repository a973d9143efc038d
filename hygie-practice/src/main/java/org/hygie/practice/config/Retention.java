package org.hygie.practice.config;

/**
 * Which snapshots to keep, as restic's {@code forget} policy: the last {@code daily} days, {@code weekly} weeks,
 * {@code monthly} months each keep one snapshot, and one snapshot a year is kept for every year within
 * {@code yearlyWithin} (restic's {@code --keep-within-yearly}): medical records are kept for decades.
 */
public record Retention(int daily, int weekly, int monthly, Span yearlyWithin) {
    public static final Span LEGAL_DEFAULT = Span.ofYears(48);

    public static Retention defaults() {
        return new Retention(14, 8, 24, LEGAL_DEFAULT);
    }
}
