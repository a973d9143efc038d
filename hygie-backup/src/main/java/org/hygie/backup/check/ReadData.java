package org.hygie.backup.check;

import java.util.Random;
import org.hygie.repository.id.Id;

/**
 * Which packs {@code check} reads whole: none, all, group n of m (by the first byte of the pack id, as restic's
 * {@code --read-data-subset n/m}), or a random share in percent.
 */
public record ReadData(Mode mode, int n, int m, double percent) {
    public enum Mode { NONE, ALL, GROUP, PERCENT }

    public static final ReadData NONE = new ReadData(Mode.NONE, 0, 0, 0);
    public static final ReadData ALL = new ReadData(Mode.ALL, 0, 0, 0);

    /** Parses restic's {@code n/m} or {@code x%} syntax. */
    public static ReadData parseSubset(String spec) {
        String s = spec.strip();
        if (s.endsWith("%")) {
            double p = Double.parseDouble(s.substring(0, s.length() - 1));
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("percentage must be in (0, 100]: " + spec);
            }
            return new ReadData(Mode.PERCENT, 0, 0, p);
        }
        String[] parts = s.split("/");
        if (parts.length == 2) {
            int n = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            if (m < 1 || n < 1 || n > m) {
                throw new IllegalArgumentException("subset must be n/m with 1 <= n <= m: " + spec);
            }
            return new ReadData(Mode.GROUP, n, m, 0);
        }
        throw new IllegalArgumentException("subset must be n/m or x%: " + spec);
    }

    public boolean selects(Id pack, Random random) {
        return switch (mode) {
            case NONE -> false;
            case ALL -> true;
            case GROUP -> (pack.bytes()[0] & 0xff) % m == n - 1;
            case PERCENT -> random.nextDouble() * 100 < percent;
        };
    }
}
