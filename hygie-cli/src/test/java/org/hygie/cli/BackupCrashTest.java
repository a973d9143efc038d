package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during backups, again and again: restic check passes after each kill, the next backup completes
 * without sending again what was stored, and every completed snapshot restores identical.
 * (A longer soak of the same loop: bench/kill-soak.sh.)
 */
class BackupCrashTest {
    private static final int KILLS = 6;

    @TempDir
    Path tmp;

    @Test
    void killedBackupsLeaveAValidRepositoryAndLoseNothingCompleted() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("data"));
        Random rnd = new Random(9);
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[3_000_000 + rnd.nextInt(3_000_000)];
            rnd.nextBytes(b);
            Files.write(src.resolve("scan-" + i + ".bin"), b);
            Files.writeString(src.resolve("lettre-" + i + ".txt"), ("Cher confrère, " + i + "\n").repeat(20_000));
        }
        Path repo = tmp.resolve("repo");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "crash");
        assertEquals(0, CliRunner.inProcess("init", "--repo", repo.toString(), "--password-file", pw.toString())
                .exit());
        Restic restic = new Restic(repo, "crash");

        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "org.hygie.cli.Main", "backup", "--repo", repo.toString(),
                "--password-file", pw.toString(), "--force", "--json", src.toString()));
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                    .DISCARD).start();
            Thread.sleep(400 + rnd.nextInt(1600));
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                killed++;
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            // the killed process left its lock; restic 0.14 waits for stale locks, so it checks without locking
            Restic.Result check = restic.run(null, "check", "--no-lock");
            assertEquals(0, check.exit(), "after kill " + i + ": " + check.out() + check.stderr());
        }
        assertTrue(killed >= KILLS / 2, "most runs were killed mid-way: " + killed);

        long packsBefore = countPacks(repo);
        CliRunner.Run last = CliRunner.process(java.util.Map.of(), "backup", "--repo", repo.toString(),
                "--password-file", pw.toString(), "--force", "--json", src.toString());
        assertEquals(0, last.exit(), last.err());
        JsonNode summary = Json.MAPPER.readTree(last.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        if (packsBefore > 0) {
            assertTrue(summary.get("data_added").asLong() < summary.get("total_bytes_processed").asLong(),
                    "what killed runs stored is not sent again: " + summary);
        }
        restic.ok("check", "--read-data", "--no-lock");

        JsonNode snaps = Json.MAPPER.readTree(CliRunner.inProcess("snapshots", "--json", "--repo", repo.toString(),
                "--password-file", pw.toString()).out());
        assertTrue(snaps.size() >= 1);
        for (JsonNode s : snaps) {
            Path target = tmp.resolve("restore-" + s.get("short_id").asText());
            CliRunner.Run r = CliRunner.inProcess("restore", s.get("id").asText(), "--target", target.toString(),
                    "--repo", repo.toString(), "--password-file", pw.toString());
            assertEquals(0, r.exit(), r.err());
            Path restored = target.resolve(src.toString().substring(1));
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    assertTrue(java.util.Arrays.equals(Files.readAllBytes(f),
                            Files.readAllBytes(restored.resolve(f.getFileName().toString()))), f.toString());
                }
            }
        }
    }

    /** Packs stored under their name; not the temporary files a kill -9 leaves beside them (name-tmp-…). */
    private static long countPacks(Path repo) throws Exception {
        try (Stream<Path> s = Files.walk(repo.resolve("data"))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> org.hygie.repository.id.Id.isValid(p.getFileName().toString())).count();
        }
    }
}
