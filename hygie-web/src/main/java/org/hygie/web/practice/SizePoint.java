package org.hygie.web.practice;

import java.time.Instant;

/** The size of a medium's repository at one time. */
public record SizePoint(Instant at, long bytes) {
}
