package org.hygie.practice.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A folder (or file) of the practice to back up.
 *
 * @param path    absolute path
 * @param exclude restic-style patterns left out
 * @param before  a command run before this source is backed up (a database dump), or null
 * @param line    line of the configuration where it is declared (0 when built in code)
 */
public record Source(Path path, List<String> exclude, String before, int line) {
    public Source {
        exclude = List.copyOf(exclude);
    }
}
