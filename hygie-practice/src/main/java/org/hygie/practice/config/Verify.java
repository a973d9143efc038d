package org.hygie.practice.config;

/**
 * How often the backups are proven: every byte of every medium is read back within {@code readAllWithin};
 * a restore drill runs at least every {@code drillEvery}, restoring {@code drillFiles} files per source.
 */
public record Verify(Span readAllWithin, Span drillEvery, int drillFiles) {
    public static Verify defaults() {
        return new Verify(Span.ofDays(28), Span.ofDays(30), 5);
    }
}
