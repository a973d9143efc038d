package org.hygie.practice.gdpr;

import java.time.Duration;
import java.time.Instant;

/**
 * One personal-data breach in the practice's breach log (GDPR art. 33.5: every breach is recorded, notified or
 * not).
 *
 * @param id             short name given when declared ({@code 2026-1}: year of discovery and order)
 * @param discoveredAt   when the practice became aware of it: the 72-hour clock runs from here
 * @param recordedAt     when it was written in the log
 * @param whatHappened   the facts (a stolen laptop, a mail sent to the wrong person, ransomware...)
 * @param dataAffected   categories and rough number of records concerned
 * @param peopleAffected categories and rough number of people concerned
 * @param consequences   the likely consequences for them
 * @param measures       what was done or is planned to stop it and limit its effects
 * @param decision       whether the CNIL was notified; null while no decision was taken
 */
public record Breach(String id, Instant discoveredAt, Instant recordedAt, String whatHappened, String dataAffected,
                     String peopleAffected, String consequences, String measures, Decision decision) {
    /** GDPR art. 33.1: the supervisory authority is notified "not later than 72 hours after having become aware". */
    public static final Duration NOTIFICATION_DELAY = Duration.ofHours(72);

    /** The end of the 72-hour clock. */
    public Instant deadline() {
        return discoveredAt.plus(NOTIFICATION_DELAY);
    }

    public Breach decided(Decision d) {
        return new Breach(id, discoveredAt, recordedAt, whatHappened, dataAffected, peopleAffected, consequences,
                measures, d);
    }
}
