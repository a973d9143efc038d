package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.hygie.backup.archiver.Archiver;
import org.hygie.backup.archiver.BackupListener;
import org.hygie.backup.archiver.BackupOptions;
import org.hygie.backup.archiver.BackupSummary;
import org.hygie.backup.check.CheckListener;
import org.hygie.backup.check.CheckReport;
import org.hygie.backup.check.Checker;
import org.hygie.backup.check.ReadData;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreOptions;
import org.hygie.backup.restore.Restorer;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.id.Id;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;

/** Hygie's library used as the command line uses it: init, backup, restore, check. */
final class Backups {
    static final String PASSWORD = "mot de passe du cabinet";

    private Backups() {
    }

    static byte[] password() {
        return PASSWORD.getBytes(StandardCharsets.UTF_8);
    }

    static Repository init(Backend backend) {
        return Repository.init(backend, password(), 2, Polynomial.randomIrreducible(new SecureRandom()).value(),
                Repository.KdfParams.TESTING);
    }

    /** A backup with 4 MiB packs, so that a small tree makes several packs. */
    static BackupSummary backup(Repository repo, Path source) {
        try (RepositoryWriter writer = new RepositoryWriter(repo, WriterOptions.defaults().withPackSizeMiB(4))) {
            return new Archiver(repo, writer, BackupOptions.of(List.of(source)), BackupListener.NONE).run();
        }
    }

    /** Restores the latest snapshot under {@code target}; fails on any problem. */
    static void restoreLatest(Repository repo, Path target) throws java.io.IOException {
        Id tree = Id.parse(repo.loadSnapshot(repo.resolveSnapshot("latest")).tree());
        assertEquals(List.of(), new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(tree)
                .problems());
    }

    static CheckReport checkReadingAll(Repository repo) {
        return new Checker(repo, ReadData.ALL, CheckListener.NONE).run();
    }
}
