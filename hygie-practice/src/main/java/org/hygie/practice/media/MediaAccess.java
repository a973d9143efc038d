package org.hygie.practice.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hygie.practice.config.Medium;
import org.hygie.practice.config.PracticeConfig;
import org.hygie.practice.journal.Journal;

/**
 * One medium opened for reading (a restore from a face), found the way the duty finds it: by its repository id
 * wherever it is plugged in, with the practice's password. Nothing is written, to the medium or to the journal.
 */
public final class MediaAccess {
    private MediaAccess() {
    }

    /** The practice's password, from its password file (surrounding blanks removed). */
    public static byte[] password(PracticeConfig config) {
        Path file = config.passwordFile();
        try {
            String pw = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (pw.isEmpty()) {
                throw new IOException("the password file " + file + " is empty");
            }
            return pw.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The repository id each medium should have: the configuration's, else the one the journal recorded. */
    public static Map<String, String> expectedIds(PracticeConfig config, Journal journal) {
        Map<String, String> expected = new HashMap<>();
        for (Medium m : config.media()) {
            expected.put(m.name(), m.id() != null ? m.id() : journal.medium(m.name()).repositoryId());
        }
        return expected;
    }

    /**
     * Finds medium {@code name}: when present, its repository is open and the caller closes it; otherwise the
     * result says why (away, refused, unreachable). The other media opened on the way are closed.
     */
    public static Found find(PracticeConfig config, Journal journal, MediumOpener backends, String name) {
        Medium wanted = config.medium(name).orElseThrow(() -> new IllegalArgumentException("unknown medium " + name));
        MediaFinder.Result all = new MediaFinder(backends).find(config.media(), expectedIds(config, journal),
                password(config));
        Found out = null;
        for (Found f : all.media()) {
            if (f.name().equals(wanted.name())) {
                out = f;
            } else if (f.repository() != null) {
                try {
                    f.repository().close();
                } catch (IOException e) {
                    // a repository opened for reading only: nothing to lose
                }
            }
        }
        return out;
    }
}
