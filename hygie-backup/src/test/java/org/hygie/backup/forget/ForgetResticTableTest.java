package org.hygie.backup.forget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hygie.repository.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table test: for every list of snapshots of {@link SnapshotSets} and every policy below, the real restic
 * 0.14 ({@code forget --dry-run --json}, in the set's time zone) and Hygie's {@link Forgetter#plan} make the same
 * groups, keep and remove the same snapshots in the same order, and give the same reasons and counters.
 */
class ForgetResticTableTest {
    static final List<List<String>> POLICIES = List.of(
            List.of("--keep-last", "3"),
            List.of("--keep-last", "1000"),
            List.of("--keep-hourly", "30"),
            List.of("--keep-daily", "7"),
            List.of("--keep-daily", "45"),
            List.of("--keep-weekly", "8"),
            List.of("--keep-monthly", "13"),
            List.of("--keep-yearly", "100"),
            List.of("--keep-daily", "10", "--keep-weekly", "5", "--keep-monthly", "3", "--keep-yearly", "2"),
            List.of("--keep-last", "2", "--keep-hourly", "5", "--keep-daily", "4"),
            List.of("--keep-within", "1m"),
            List.of("--keep-within", "1d"),
            List.of("--keep-within", "2d"),
            List.of("--keep-within", "14d"),
            List.of("--keep-within", "2h"),
            List.of("--keep-within", "1y2m3d4h"),
            List.of("--keep-within-hourly", "2d"),
            List.of("--keep-within-daily", "10d", "--keep-within-weekly", "2m", "--keep-within-monthly", "1y",
                    "--keep-within-yearly", "10y"),
            List.of("--keep-within-daily", "1m", "--keep-monthly", "2"),
            List.of("--keep-tag", "hebdo"),
            List.of("--keep-tag", "a,b", "--keep-tag", "", "--keep-last", "1"),
            List.of("--keep-last", "1", "--tag", "nuit"),
            List.of("--keep-daily", "3", "--host", "poste-1", "--host", "nas"),
            List.of("--keep-daily", "3", "--path", "/a"),
            List.of("--keep-daily", "2", "--group-by", "host"),
            List.of("--keep-daily", "2", "--group-by", "tags"),
            List.of("--keep-weekly", "2", "--group-by", ""),
            List.of("--keep-monthly", "2", "--group-by", "host,paths,tags"),
            List.of("--keep-last", "2", "--keep-within", "1d", "--keep-tag", "manuel"));

    @TempDir
    static Path tmp;

    private static final Map<String, Path> REPOS = new HashMap<>();
    private static final Map<String, List<Repository.SnapshotEntry>> SNAPSHOTS = new HashMap<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (SnapshotSets.Set set : SnapshotSets.all()) {
            for (List<String> policy : POLICIES) {
                out.add(Arguments.of(set, policy));
            }
        }
        return out.stream();
    }

    private static synchronized Path repo(SnapshotSets.Set set) {
        return REPOS.computeIfAbsent(set.name(), n -> {
            Path dir = tmp.resolve(n);
            try (Repository r = SnapshotSets.write(dir, set)) {
                SNAPSHOTS.put(n, r.snapshots(e -> {
                    throw e;
                }));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            return dir;
        });
    }

    private static final java.util.concurrent.atomic.AtomicInteger NON_EMPTY =
            new java.util.concurrent.atomic.AtomicInteger();

    @AfterAll
    static void forget() {
        // a filter may select nothing (restic then prints nothing), but most cases must compare real decisions
        assertTrue(NON_EMPTY.get() >= POLICIES.size() * SnapshotSets.all().size() * 8 / 10,
                "cases with groups: " + NON_EMPTY.get());
        REPOS.clear();
        SNAPSHOTS.clear();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void hygieKeepsWhatResticKeeps(SnapshotSets.Set set, List<String> policy) {
        Path dir = repo(set);
        JsonNode restic = ResticForget.dryRun(dir, SnapshotSets.PASSWORD, set.tz(), policy);
        ForgetPlan plan = Forgetter.plan(SNAPSHOTS.get(set.name()), PolicyArgs.parse(policy), Instant.now(),
                ZoneId.of(set.tz()));
        Map<String, List<String>> expected = view(restic);
        if (!expected.isEmpty()) {
            NON_EMPTY.incrementAndGet();
        }
        assertEquals(expected, view(plan), set + " " + policy);
        if (System.getenv("HYGIE_SHOW_FORGET") != null) {
            System.out.println(set + " " + policy + " -> " + expected);
        }
    }

    /** Group key → kept ids with reasons and counters, then removed ids, in order. */
    static Map<String, List<String>> view(JsonNode groups) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode g : groups) {
            List<String> lines = new ArrayList<>();
            JsonNode keep = g.get("keep");
            JsonNode reasons = g.get("reasons");
            for (int i = 0; keep != null && i < keep.size(); i++) {
                JsonNode r = reasons.get(i);
                List<String> matches = new ArrayList<>();
                r.get("matches").forEach(m -> matches.add(m.asText()));
                JsonNode c = r.get("counters");
                lines.add("keep " + keep.get(i).get("id").asText() + " " + matches + " " + c.path("last").asInt()
                        + "/" + c.path("hourly").asInt() + "/" + c.path("daily").asInt() + "/"
                        + c.path("weekly").asInt() + "/" + c.path("monthly").asInt() + "/"
                        + c.path("yearly").asInt());
            }
            JsonNode remove = g.get("remove");
            for (int i = 0; remove != null && i < remove.size(); i++) {
                lines.add("remove " + remove.get(i).get("id").asText());
            }
            out.put(key(g.get("host").asText(), list(g.get("paths")), list(g.get("tags"))), lines);
        }
        return out;
    }

    static Map<String, List<String>> view(ForgetPlan plan) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ForgetGroup g : plan.groups()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < g.keep().size(); i++) {
                KeepReason r = g.reasons().get(i);
                KeepReason.Counters c = r.counters();
                lines.add("keep " + g.keep().get(i).id().hex() + " " + r.matches() + " " + c.last() + "/"
                        + c.hourly() + "/" + c.daily() + "/" + c.weekly() + "/" + c.monthly() + "/" + c.yearly());
            }
            for (Repository.SnapshotEntry e : g.remove()) {
                lines.add("remove " + e.id().hex());
            }
            out.put(key(g.key().hostname(), g.key().paths(), g.key().tags()), lines);
        }
        return out;
    }

    private static List<String> list(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String key(String host, List<String> paths, List<String> tags) {
        return host + " " + paths + " " + tags;
    }
}
