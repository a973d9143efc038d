package org.hygie.web.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;

/** A real repository made the way the nightly duty makes one: a practice's folder backed up by the Archiver. */
public final class PracticeRepository {
    public static final String PASSWORD = "mot de passe du cabinet";
    public final Path repo;
    public final Path source;
    public final String snapshot;

    private PracticeRepository(Path repo, Path source, String snapshot) {
        this.repo = repo;
        this.source = source;
        this.snapshot = snapshot;
    }

    /** Files with French names, a sub-folder, a binary file of 3 MiB (several chunks). */
    public static PracticeRepository create(Path dir) throws Exception {
        Path src = dir.resolve("cabinet").resolve("Documents");
        writeFiles(src);
        Path repoDir = dir.resolve("disque-A");
        String snap;
        try (Repository r = Repository.init(new LocalBackend(repoDir), PASSWORD.getBytes(StandardCharsets.UTF_8), 2,
                Polynomial.randomIrreducible(new SecureRandom()).value(), Repository.KdfParams.TESTING);
             RepositoryWriter w = new RepositoryWriter(r, WriterOptions.defaults())) {
            BackupSummary s = new Archiver(r, w, BackupOptions.of(List.of(src)).withTags(List.of("nuit")),
                    BackupListener.NONE).run();
            snap = s.snapshot().hex();
        }
        return new PracticeRepository(repoDir, src, snap);
    }

    /** Writes the practice's files into {@code src}: patients' folders, accounts, a 3 MiB scan with an odd name. */
    public static void writeFiles(Path src) throws Exception {
        Files.createDirectories(src.resolve("Patients/Dupont Élise"));
        Files.createDirectories(src.resolve("Comptabilité"));
        Files.writeString(src.resolve("Patients/Dupont Élise/compte-rendu échographie.txt"),
                "Compte rendu du 12 mars : RAS.\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("Patients/Dupont Élise/ordonnance.txt"), "Paracétamol 1 g\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("Comptabilité/recettes 2026.csv"), "date;montant\n2026-01-02;25\n",
                StandardCharsets.UTF_8);
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new SecureRandom().nextBytes(big);
        Files.write(src.resolve("Patients/radiographie <genou> & \"face\".dcm"), big);
    }

    /** Path of a source file inside the snapshot (the snapshot keeps absolute paths). */
    public String inSnapshot(Path file) {
        return file.toAbsolutePath().toString();
    }
}
