package org.hygie.practice.gdpr;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the register of processing activities (GDPR art. 30; "fiche de registre" of the CNIL's model).
 *
 * @param id               short stable name ({@code dossier-patient}), used by the commands
 * @param name             what the processing is called
 * @param purpose          what it is for (finalité)
 * @param legalBasis       why it is lawful (base légale), with the articles
 * @param dataSubjects     categories of people whose data is processed
 * @param dataCategories   categories of data
 * @param recipients       who receives the data (inside and outside the practice)
 * @param retention        how long the data is kept, with the source of the duration
 * @param securityMeasures how the data is protected
 * @param lastReviewed     when the practice last read the entry through and found it right; null when never
 */
public record Processing(String id, String name, String purpose, String legalBasis, List<String> dataSubjects,
                         List<String> dataCategories, List<String> recipients, String retention,
                         List<String> securityMeasures, Instant lastReviewed) {
    public Processing {
        dataSubjects = List.copyOf(dataSubjects);
        dataCategories = List.copyOf(dataCategories);
        recipients = List.copyOf(recipients);
        securityMeasures = List.copyOf(securityMeasures);
    }

    public Processing reviewed(Instant at) {
        return new Processing(id, name, purpose, legalBasis, dataSubjects, dataCategories, recipients, retention,
                securityMeasures, at);
    }
}
