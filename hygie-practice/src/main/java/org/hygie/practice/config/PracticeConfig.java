package org.hygie.practice.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A practice's whole configuration (DESIGN.md §9), as loaded from its YAML file by {@link ConfigLoader}.
 *
 * @param practice     the practice's name, shown in mails, status and the recovery kit
 * @param language     {@code fr} or {@code en}: the language of mails and of the recovery kit
 * @param sources      what to back up
 * @param media        where to back it up
 * @param schedule     the time of the nightly duty
 * @param retention    which snapshots to keep
 * @param verify       verification and drill cadence
 * @param passwordFile the file holding the repositories' password
 * @param alerts       mail alerts, or null when none
 * @param file         the configuration file, or null when built in code
 * @param stateDir     where the journal and the duty lock live
 */
public record PracticeConfig(String practice, String language, List<Source> sources, List<Medium> media,
        LocalTime schedule, Retention retention, Verify verify, Path passwordFile, Notify alerts, Path file,
        Path stateDir) {
    public PracticeConfig {
        sources = List.copyOf(sources);
        media = List.copyOf(media);
    }

    public Optional<Medium> medium(String name) {
        return media.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Number of media that rotate (swapped disks). */
    public int rotatingCount() {
        return (int) media.stream().filter(Medium::rotates).count();
    }

    public PracticeConfig withMedia(List<Medium> m) {
        return new PracticeConfig(practice, language, sources, m, schedule, retention, verify, passwordFile, alerts,
                file, stateDir);
    }

    public PracticeConfig withStateDir(Path dir) {
        return new PracticeConfig(practice, language, sources, media, schedule, retention, verify, passwordFile,
                alerts, file, dir);
    }
}
