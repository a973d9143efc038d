package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hygie prune} killed with SIGKILL at moments chosen over its run (planning; as soon as the storage shows a
 * new pack, a new index file, an index file gone, a pack gone), each time on a fresh copy of the same repository: restic check --read-data passes, every kept snapshot
 * restores identical, and a prune run afterwards completes and leaves a repository restic checks clean.
 */
class PruneCrashTest {
    /**
     * When to kill: after a delay (planning), or as soon as the storage shows the first new pack, the first new
     * index file, the first index file gone, the first pack gone.
     */
    private static final List<String> MOMENTS = List.of("after:300", "after:900", "new-pack", "new-index",
            "index-gone", "pack-gone", "new-index", "pack-gone");
    private static final String PASSWORD = "élagage interrompu";

    @TempDir
    Path tmp;

    @Test
    void a_killed_prune_never_loses_a_kept_snapshot() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("cabinet"));
        Path pristine = tmp.resolve("pristine");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, PASSWORD);
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, CliRunner.inProcess("init", "--repo", pristine.toString(), "--password-file", pw.toString())
                .exit());
        Random rnd = new Random(17);
        List<Path> expected = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            for (int i = 0; i < 6; i++) {
                byte[] b = new byte[500_000 + rnd.nextInt(2_500_000)];
                rnd.nextBytes(b);
                Files.write(src.resolve("v" + v + "-" + i + ".bin"), b);
            }
            if (v > 0) {
                for (int i = 0; i < 4; i++) {
                    Files.delete(src.resolve("v" + (v - 1) + "-" + i + ".bin"));
                }
            }
            assertEquals(0, CliRunner.inProcess("backup", "--repo", pristine.toString(), "--password-file",
                    pw.toString(), src.toString()).exit());
            Path copy = tmp.resolve("expected-" + v);
            sh("cp", "-a", src.toString(), copy.toString());
            expected.add(copy);
        }
        assertEquals(0, CliRunner.inProcess("forget", "--keep-last", "2", "--repo", pristine.toString(),
                "--password-file", pw.toString()).exit());
        JsonNode kept = Json.MAPPER.readTree(CliRunner.inProcess("snapshots", "--json", "--repo",
                pristine.toString(), "--password-file", pw.toString()).out());
        assertEquals(2, kept.size());

        Set<String> before = Set.copyOf(LifecycleCommandsTest.listing(pristine));
        Path whole = copy(pristine, tmp.resolve("whole"));
        Process full = prune(whole, pw);
        assertTrue(full.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, full.exitValue());
        String finished = phase(pristine, whole);
        int killedMidway = 0;
        List<String> phases = new ArrayList<>();
        for (int k = 0; k < MOMENTS.size(); k++) {
            String moment = MOMENTS.get(k);
            Path dir = copy(pristine, tmp.resolve("run-" + k));
            Process p = prune(dir, pw);
            if (waitFor(moment, dir, before, p)) {
                p.destroyForcibly(); // SIGKILL
                killedMidway++;
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            phases.add(phase(pristine, dir));
            Restic restic = new Restic(dir, PASSWORD);
            Restic.Result check = restic.run(null, "check", "--read-data", "--no-lock");
            assertEquals(0, check.exit(), "after kill " + k + ": " + check.out() + check.stderr());
            for (int i = 0; i < 2; i++) {
                Path target = tmp.resolve("restore-" + k + "-" + i);
                restic.ok("restore", kept.get(i).get("id").asText(), "--no-lock", "--target", target.toString());
                assertSameFiles(expected.get(2 + i), target.resolve(src.toString().substring(1)));
            }
            CliRunner.Run again = CliRunner.process(Map.of(), "prune", "--repo", dir.toString(), "--password-file",
                    pw.toString(), "--max-unused", "0%");
            assertEquals(0, again.exit(), again.err());
            Restic.Result clean = restic.ok("check", "--read-data", "--no-lock");
            assertTrue(!clean.out().contains("not referenced") && !clean.out().contains("several indexes"),
                    clean.out());
        }
        // Deleting is a matter of milliseconds on a local disk: a kill aimed at it often lands after it. The
        // library test PruneInterruptedTest stops a prune before each single change; this one adds real SIGKILLs.
        assertTrue(killedMidway >= MOMENTS.size() - 1, "the runs were killed before they ended: " + phases);
        assertTrue(phases.stream().filter(x -> !x.equals(finished)).count() >= 3, "unfinished runs: " + phases);
        assertTrue(phases.stream().anyMatch(x -> x.matches("\\+[1-9].*-0p")), "one died while writing: " + phases);
    }

    /** Where the killed prune was: by what changed in data/ and index/ compared with the repository before. */
    private static String phase(Path before, Path after) throws Exception {
        List<String> b = LifecycleCommandsTest.listing(before);
        List<String> a = LifecycleCommandsTest.listing(after);
        long newPacks = a.stream().filter(x -> x.startsWith("data/") && !b.contains(x)).count();
        long goneIndex = b.stream().filter(x -> x.startsWith("index/") && !a.contains(x)).count();
        long newIndex = a.stream().filter(x -> x.startsWith("index/") && !b.contains(x)).count();
        long gonePacks = b.stream().filter(x -> x.startsWith("data/") && !a.contains(x)).count();
        return "+" + newPacks + "p+" + newIndex + "i-" + goneIndex + "i-" + gonePacks + "p";
    }

    /** Waits for the moment; true when it came while the process still ran. */
    private static boolean waitFor(String moment, Path repo, Set<String> before, Process p) throws Exception {
        if (moment.startsWith("after:")) {
            Thread.sleep(Long.parseLong(moment.substring(6)));
            return p.isAlive();
        }
        while (p.isAlive()) {
            List<String> now = LifecycleCommandsTest.listing(repo);
            boolean reached = switch (moment) {
                case "new-pack" -> now.stream().anyMatch(f -> f.startsWith("data/") && !before.contains(f));
                case "new-index" -> now.stream().anyMatch(f -> f.startsWith("index/") && !before.contains(f));
                case "index-gone" -> before.stream().anyMatch(f -> f.startsWith("index/") && !now.contains(f));
                case "pack-gone" -> before.stream().anyMatch(f -> f.startsWith("data/") && !now.contains(f));
                default -> throw new IllegalArgumentException(moment);
            };
            if (reached) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private static Process prune(Path repo, Path pw, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "org.hygie.cli.Main", "prune", "--repo", repo.toString(),
                "--password-file", pw.toString(), "--max-unused", "0%"));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Path copy(Path from, Path to) throws Exception {
        sh("cp", "-a", from.toString(), to.toString());
        return to;
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", cmd) + ": " + out);
        }
    }

    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        LifecycleCommandsTest.assertSameFiles(expected, actual);
    }
}
