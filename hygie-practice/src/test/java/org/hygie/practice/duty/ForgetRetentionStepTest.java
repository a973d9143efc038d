package org.hygie.practice.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hygie.practice.config.Retention;
import org.hygie.practice.config.Span;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duty's retention on a repository: dailies kept, the yearly of each year within the legal duration kept. */
class ForgetRetentionStepTest {
    @TempDir
    Path tmp;

    @Test
    void keepsDailiesAndTheLegalYearliesAndForgetsTheRest() throws Exception {
        Repository repo = Repository.init(new LocalBackend(tmp.resolve("repo")),
                "pw".getBytes(StandardCharsets.UTF_8), 2, 0x3DA3358B4DC173L, Repository.KdfParams.TESTING);
        // an empty tree, so that restic finds the snapshots valid
        byte[] emptyTree = "{\"nodes\":[]}\n".getBytes(StandardCharsets.UTF_8);
        try (var writer = new org.hygie.repository.write.RepositoryWriter(repo,
                org.hygie.repository.write.WriterOptions.defaults())) {
            writer.save(org.hygie.repository.pack.BlobType.TREE, Id.hash(emptyTree), emptyTree);
        }
        Id d25 = snapshot(repo, emptyTree, "2026-11-25T02:30:00Z");
        Id d26 = snapshot(repo, emptyTree, "2026-11-26T02:30:00Z");
        Id d27 = snapshot(repo, emptyTree, "2026-11-27T02:30:00Z");
        Id march2020 = snapshot(repo, emptyTree, "2020-03-01T02:30:00Z");
        Id june2020 = snapshot(repo, emptyTree, "2020-06-01T02:30:00Z");
        Id in1970 = snapshot(repo, emptyTree, "1970-06-01T02:30:00Z");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

        RetentionStep.Result r = new ForgetRetentionStep().apply(repo, new Retention(2, 0, 0, Span.ofYears(48)),
                clock);
        assertTrue(r.applied(), r.detail());
        assertEquals(3, r.removed(), r.detail());
        assertEquals(Set.of(d26, d27, june2020), new HashSet<>(repo.list(FileType.SNAPSHOT)),
                "kept: the two latest dailies and the last of 2020; 1970 is beyond 48 years");
        new Restic(tmp.resolve("repo"), "pw").ok("check");
        assertEquals(List.of(), List.of(d25, march2020, in1970).stream()
                .filter(id -> repo.list(FileType.SNAPSHOT).contains(id)).toList());
    }

    private static Id snapshot(Repository repo, byte[] tree, String time) {
        Snapshot s = new Snapshot(time, null, Id.hash(tree).hex(), List.of("/cabinet"), "poste", "dr", 0, 0, null,
                null, null);
        return repo.saveUnpacked(FileType.SNAPSHOT, Json.write(s));
    }
}
