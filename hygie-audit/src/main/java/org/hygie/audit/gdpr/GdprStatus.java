package org.hygie.audit.gdpr;

import java.time.Instant;
import java.util.List;

/**
 * What the audit needs to know of the practice's GDPR file (guide: "Place du médecin - directive RGPD").
 *
 * @param configured        whether a Hygie practice is configured on this computer (without one, Hygie does not
 *                          know the practice's GDPR file, and the points are unknown, not failed)
 * @param fileProblem       why the GDPR file could not be read (damaged, invalid), null when it was read
 * @param registerEntries   entries of the register of processing activities (GDPR art. 30)
 * @param registerReviewed  when the whole register was last reviewed (the oldest review of its entries), null when
 *                          an entry was never reviewed or the register is empty
 * @param decisionDeadlines for each breach still waiting for a decision (notify the CNIL or not), the end of its
 *                          72-hour clock (GDPR art. 33), as the practice layer computes it
 * @param legalRetention    whole years the yearly backups are kept (the legal retention of medical records), null
 *                          when not known
 */
public record GdprStatus(boolean configured, String fileProblem, int registerEntries, Instant registerReviewed,
                         List<Instant> decisionDeadlines, Integer legalRetention) {
    public GdprStatus {
        decisionDeadlines = List.copyOf(decisionDeadlines);
    }

    public static GdprStatus notConfigured() {
        return new GdprStatus(false, null, 0, null, List.of(), null);
    }
}
