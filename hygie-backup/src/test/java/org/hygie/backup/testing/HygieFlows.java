package org.hygie.backup.testing;

import java.io.IOException;
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
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.Restorer;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.id.Id;
import org.hygie.repository.write.RepositoryWriter;
import org.hygie.repository.write.WriterOptions;

/** What the command line does, called as a library: init, backup, restore, check on any backend. */
public final class HygieFlows {
    private HygieFlows() {
    }

    public static Repository init(Backend backend, String password) {
        return Repository.init(backend, password.getBytes(StandardCharsets.UTF_8), 2,
                Polynomial.randomIrreducible(new SecureRandom()).value(), Repository.KdfParams.TESTING);
    }

    public static Repository open(Backend backend, String password) {
        return Repository.open(backend, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Backs up {@code source} with 4 MiB packs (several packs even for small test trees). */
    public static BackupSummary backup(Repository repo, Path source) {
        WriterOptions w = WriterOptions.defaults().withPackSize(WriterOptions.MIN_PACK_SIZE);
        try (RepositoryWriter writer = new RepositoryWriter(repo, w)) {
            return new Archiver(repo, writer, BackupOptions.of(List.of(source)), BackupListener.NONE).run();
        }
    }

    /** Restores the latest snapshot under {@code target}. */
    public static RestoreResult restoreLatest(Repository repo, Path target) throws IOException {
        Id tree = Id.parse(repo.loadSnapshot(repo.resolveSnapshot("latest")).tree());
        return new Restorer(repo, RestoreOptions.to(target), RestoreListener.NONE).restore(tree);
    }

    public static CheckReport checkReadData(Repository repo) {
        return new Checker(repo, ReadData.ALL, CheckListener.NONE).run();
    }
}
