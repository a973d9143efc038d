package org.hygie.audit.support;

import java.time.LocalDate;

/**
 * One OS release and its end of support.
 *
 * @param product  {@code debian}, {@code ubuntu}, {@code fedora}, {@code windows}, {@code macos}
 * @param cycle    release key (e.g. {@code 12}, {@code 24.04}, {@code 11-24h2-w})
 * @param eol      end of standard support; null when none is announced
 * @param extended end of extended support (LTS, ESM); null when there is none
 */
public record EolRelease(String product, String cycle, LocalDate eol, LocalDate extended) {
}
