package org.hygie.web.practice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hygie.audit.backup.BackupStatus;

/**
 * The practice as the journal tells it, ready to show.
 *
 * @param configured    whether a practice configuration exists
 * @param practice      the practice's name, or null
 * @param media         the media plan, in configuration order
 * @param nights        per medium name, the last nights (oldest first); a night without entry had nothing recorded
 * @param verifications verifications of media and data integrity, newest first
 * @param drills        restore drills with their proof, newest first
 * @param sizes         per medium name, the repository size over time (oldest first)
 * @param retention     the retention policy, or null when not configured
 * @param notices       open actions the practice layer asks of the doctor, most urgent first
 * @param backup        the summary the audit's backup rules read
 * @param outsideCopy   the freshest copy kept outside the practice (an offsite medium, a disk taken home), or null
 * @param outsideFresh  whether the practice layer finds it recent enough for the media plan
 * @param readAt        when this state was read
 */
public record PracticeState(boolean configured, String practice, List<MediumInfo> media, Map<String, List<Night>> nights,
                            List<Proof> verifications, List<Proof> drills, Map<String, List<SizePoint>> sizes,
                            RetentionPlan retention, List<Notice> notices, BackupStatus backup, Instant outsideCopy,
                            boolean outsideFresh, Instant readAt) {
    public PracticeState {
        media = List.copyOf(media);
        nights = Map.copyOf(nights);
        verifications = List.copyOf(verifications);
        drills = List.copyOf(drills);
        sizes = Map.copyOf(sizes);
        notices = List.copyOf(notices);
    }

    public static PracticeState notConfigured() {
        return new PracticeState(false, null, List.of(), Map.of(), List.of(), List.of(), Map.of(), null, List.of(),
                BackupStatus.notConfigured(), null, false, Instant.now());
    }

    public List<Night> nights(String medium) {
        return nights.getOrDefault(medium, List.of());
    }

    public List<SizePoint> sizes(String medium) {
        return sizes.getOrDefault(medium, List.of());
    }
}
