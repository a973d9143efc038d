package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.LocalBackend;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.Locks;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.testing.Restic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forget, prune and copy as a user runs them; restic on the other side. */
class LifecycleCommandsTest {
    static final String PASSWORD = "cycle de vie";

    @TempDir
    Path tmp;
    Path repo;
    Path pw;
    Path src;
    final List<Path> versions = new ArrayList<>();

    @BeforeEach
    void fourBackups() throws Exception {
        repo = tmp.resolve("repo");
        pw = tmp.resolve("pw");
        Files.writeString(pw, PASSWORD);
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        src = Files.createDirectories(tmp.resolve("cabinet"));
        assertEquals(0, hygie("init").exit());
        Random rnd = new Random(3);
        for (int v = 0; v < 4; v++) {
            for (int i = 0; i < 3; i++) {
                byte[] b = new byte[200_000 + rnd.nextInt(900_000)];
                rnd.nextBytes(b);
                Files.write(src.resolve("v" + v + "-" + i + ".bin"), b);
            }
            if (v > 0) {
                Files.delete(src.resolve("v" + (v - 1) + "-0.bin"));
            }
            CliRunner.Run b = hygie("backup", "--tag", v % 2 == 0 ? "nuit" : "manuel", src.toString());
            assertEquals(0, b.exit(), b.err());
            Path copy = tmp.resolve("expected-" + v);
            new ProcessBuilder("cp", "-a", src.toString(), copy.toString()).start().waitFor();
            versions.add(copy);
            Thread.sleep(20);
        }
    }

    private CliRunner.Run hygie(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", repo.toString(), "--password-file", pw.toString()));
        return CliRunner.inProcess(all.toArray(String[]::new));
    }

    private JsonNode snapshots() throws Exception {
        return Json.MAPPER.readTree(hygie("snapshots", "--json").out());
    }

    @Test
    void a_dry_run_says_what_would_go_in_french_and_as_restic_s_json_and_removes_nothing() throws Exception {
        CliRunner.Run text = hygie("forget", "--keep-last", "2", "--keep-tag", "nuit", "--dry-run");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("1 sauvegarde à oublier :"), text.out());
        assertTrue(text.out().contains("parmi les dernières"), text.out());
        assertTrue(text.out().contains("porte les étiquettes [nuit]"), text.out());
        assertTrue(text.out().contains("Simulation : 1 sauvegarde serait oubliée"), text.out());
        CliRunner.Run english = hygie("forget", "--keep-last", "2", "--dry-run", "--lang", "en");
        assertTrue(english.out().contains("2 snapshots to remove:"), english.out());
        assertEquals(4, snapshots().size());

        CliRunner.Run json = hygie("forget", "--keep-last", "2", "--keep-tag", "nuit", "--dry-run", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode ours = Json.MAPPER.readTree(json.out());
        JsonNode theirs = Json.MAPPER.readTree(new Restic(repo, PASSWORD).ok("forget", "--keep-last", "2",
                "--keep-tag", "nuit", "--dry-run", "--json", "--no-lock").out());
        assertEquals(ids(theirs, "keep"), ids(ours, "keep"));
        assertEquals(ids(theirs, "remove"), ids(ours, "remove"));
        assertEquals(theirs.get(0).get("reasons").toString(), ours.get(0).get("reasons").toString(),
                "restic's reasons, to the byte");
        assertEquals(theirs.get(0).get("host"), ours.get(0).get("host"));
        assertEquals(theirs.get(0).get("paths"), ours.get(0).get("paths"));
        assertEquals(4, snapshots().size());
    }

    private static Set<String> ids(JsonNode groups, String what) {
        Set<String> out = new TreeSet<>();
        for (JsonNode g : groups) {
            for (JsonNode s : g.path(what)) {
                out.add(s.get("id").asText());
            }
        }
        return out;
    }

    @Test
    void forget_with_prune_frees_space_restic_checks_and_the_kept_snapshots_restore() throws Exception {
        long before = size(repo.resolve("data"));
        CliRunner.Run r = hygie("forget", "--keep-last", "1", "--prune", "--max-unused", "0%");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("3 sauvegardes oubliées."), r.out());
        assertTrue(r.out().contains("Élagage terminé"), r.out());
        assertTrue(size(repo.resolve("data")) < before * 0.9, before + " → " + size(repo.resolve("data")));
        Restic restic = new Restic(repo, PASSWORD);
        restic.ok("check", "--read-data");
        Path target = tmp.resolve("restored");
        CliRunner.Run restore = hygie("restore", "latest", "--target", target.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertSameFiles(versions.get(3), target.resolve(src.toString().substring(1)));

        CliRunner.Run again = hygie("prune", "--json");
        assertEquals(0, again.exit(), again.err());
        JsonNode report = Json.MAPPER.readTree(again.out());
        assertTrue(report.get("result").isNull(), "nothing left to do: " + report);
        assertEquals(0, report.get("stats").get("unused_blobs").asLong());
    }

    @Test
    void prune_dry_run_json_lists_the_plan_and_changes_nothing() throws Exception {
        assertEquals(0, hygie("forget", "--keep-last", "1").exit());
        List<String> before = listing(repo);
        CliRunner.Run r = hygie("prune", "--dry-run", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = Json.MAPPER.readTree(r.out());
        assertTrue(plan.get("dry_run").asBoolean());
        assertTrue(plan.get("stats").get("prune_size").asLong() > 0, plan.toString());
        assertEquals(plan.get("packs").get("remove").asInt(), plan.get("remove_packs").size());
        assertTrue(plan.get("result").isNull());
        assertEquals(before, listing(repo));
        CliRunner.Run text = hygie("prune", "--dry-run");
        assertTrue(text.out().contains("Simulation : rien n’a été modifié."), text.out());
        assertTrue(text.out().contains("à supprimer :"), text.out());
    }

    @Test
    void bad_arguments_and_a_locked_repository_give_their_exit_codes() throws Exception {
        CliRunner.Run minusOne = hygie("forget", "--keep-daily", "-1");
        assertEquals(ExitCode.USAGE, minusOne.exit());
        assertTrue(minusOne.err().contains("0 ou plus"), minusOne.err());
        assertEquals(ExitCode.USAGE, hygie("forget", "--keep-within", "2w").exit());
        assertEquals(ExitCode.USAGE, hygie("forget", "--keep-last", "1", "--group-by", "poste").exit());
        assertEquals(ExitCode.USAGE, hygie("prune", "--max-unused", "100%").exit());
        assertEquals(ExitCode.USAGE, hygie("prune", "--max-repack-size", "beaucoup").exit());
        CliRunner.Run unknown = hygie("forget", "deadbeef");
        assertEquals(ExitCode.FAILED, unknown.exit());
        assertEquals(4, snapshots().size());
        try (Repository r = Repository.open(new LocalBackend(repo), PASSWORD.getBytes());
                RepositoryLock lock = Locks.acquire(r, false)) {
            assertEquals(ExitCode.LOCKED, hygie("forget", "--keep-last", "1").exit());
            assertEquals(ExitCode.LOCKED, hygie("prune").exit());
        }
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "pas le bon");
        assertEquals(ExitCode.WRONG_PASSWORD, CliRunner.inProcess("prune", "--repo", repo.toString(),
                "--password-file", wrong.toString()).exit());
        assertEquals(ExitCode.NO_REPOSITORY, CliRunner.inProcess("forget", "--keep-last", "1", "--repo",
                tmp.resolve("nowhere").toString(), "--password-file", pw.toString()).exit());
        assertEquals(4, snapshots().size());
    }

    @Test
    void named_snapshots_and_the_legal_hold() throws Exception {
        JsonNode snaps = snapshots();
        String oldest = snaps.get(0).get("id").asText();
        String newest = snaps.get(3).get("id").asText();
        CliRunner.Run held = hygie("forget", newest.substring(0, 8), oldest.substring(0, 8), "--keep-legal-yearly",
                "10y", "--json");
        assertEquals(0, held.exit(), held.err());
        JsonNode out = Json.MAPPER.readTree(held.out());
        assertEquals(oldest, out.get(0).get("remove").get(0).get("id").asText());
        assertEquals(newest, out.get(0).get("keep").get(0).get("id").asText(), "this year's yearly is held");
        assertEquals(3, snapshots().size());
    }

    @Test
    void copy_to_another_repository_then_again_adds_nothing_and_restic_agrees() throws Exception {
        Path other = tmp.resolve("autre");
        Path pw2 = tmp.resolve("pw2");
        Files.writeString(pw2, "autre mot de passe");
        Files.setPosixFilePermissions(pw2, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, CliRunner.inProcess("init", "--repo", other.toString(), "--password-file", pw2.toString())
                .exit());
        String[] copy = {"copy", "--from-repo", repo.toString(), "--from-password-file", pw.toString(), "--repo",
            other.toString(), "--password-file", pw2.toString(), "--json"};
        CliRunner.Run first = CliRunner.inProcess(copy);
        assertEquals(0, first.exit(), first.err());
        JsonNode one = Json.MAPPER.readTree(first.out());
        assertEquals(4, one.get("copied").size());
        assertTrue(one.get("data_blobs").asLong() > 0);
        CliRunner.Run second = CliRunner.inProcess(copy);
        JsonNode two = Json.MAPPER.readTree(second.out());
        assertEquals(0, two.get("copied").size());
        assertEquals(4, two.get("skipped").size());
        Restic r = new Restic(other, "autre mot de passe");
        r.ok("check", "--read-data");
        Path target = tmp.resolve("from-copy");
        r.ok("restore", "latest", "--target", target.toString());
        assertSameFiles(versions.get(3), target.resolve(src.toString().substring(1)));
        String text = CliRunner.inProcess("copy", "--from-repo", repo.toString(), "--from-password-file",
                pw.toString(), "--repo", other.toString(), "--password-file", pw2.toString()).out();
        assertTrue(text.contains("déjà copiée"), text);
        assertEquals(ExitCode.USAGE, CliRunner.inProcess("copy", "--from-repo", repo.toString(),
                "--from-password-file", pw.toString(), "--repo", repo.toString(), "--password-file", pw.toString())
                .exit());
    }

    static void assertSameFiles(Path expected, Path actual) throws Exception {
        List<String> e = listing(expected);
        assertEquals(e, listing(actual));
        for (String f : e) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected.resolve(f)),
                    Files.readAllBytes(actual.resolve(f))), f);
        }
    }

    /** The repository's files; taken again when one vanished during the walk (a process at work renames its files). */
    static List<String> listing(Path dir) throws Exception {
        for (int attempt = 1;; attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                        .filter(p -> !p.startsWith("locks/")).sorted().toList();
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
