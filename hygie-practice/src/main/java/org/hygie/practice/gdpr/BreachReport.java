package org.hygie.practice.gdpr;

import java.time.Instant;

/**
 * A breach as the practice declares it (GDPR art. 33.3: what happened, data and people concerned, likely
 * consequences, measures).
 *
 * @param discoveredAt when the practice became aware of it
 */
public record BreachReport(Instant discoveredAt, String whatHappened, String dataAffected, String peopleAffected,
                           String consequences, String measures) {
}
