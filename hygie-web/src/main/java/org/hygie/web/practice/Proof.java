package org.hygie.web.practice;

import java.time.Instant;
import java.util.List;

/**
 * A verification or a restore drill, with what proves it.
 *
 * @param medium  the medium concerned
 * @param at      when it ran
 * @param ok      whether it succeeded
 * @param summary one line ("12 % of the data read back, no error"; "5 files restored, SHA-256 identical")
 * @param details the proof, line by line (file names and their hashes, packs read...)
 */
public record Proof(String medium, Instant at, boolean ok, String summary, List<String> details) {
    public Proof {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
