package org.hygie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.backup.forget.ForgetGroup;
import org.hygie.backup.forget.ForgetListener;
import org.hygie.backup.forget.ForgetOptions;
import org.hygie.backup.forget.ForgetPlan;
import org.hygie.backup.forget.ForgetPolicy;
import org.hygie.backup.forget.Forgetter;
import org.hygie.backup.forget.GroupBy;
import org.hygie.backup.forget.KeepDuration;
import org.hygie.backup.forget.KeepReason;
import org.hygie.backup.forget.LegalHold;
import org.hygie.backup.forget.SnapshotFilter;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;
import org.hygie.repository.lock.RepositoryLock;
import org.hygie.repository.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie forget}: removes snapshots by restic's policy (or those named), under an exclusive lock; with
 * {@code --prune}, prunes afterwards. {@code --json} prints restic's JSON (groups with keep, remove and reasons).
 * Refused on append-only storage.
 */
@Command(name = "forget", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Oublie des sauvegardes selon une règle de conservation / remove snapshots by a policy.")
final class ForgetCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Parameters(arity = "0..*", paramLabel = "SAUVEGARDE", description = "Sauvegardes à oublier (id, préfixe, "
            + "latest) au lieu d'une règle / snapshots to remove instead of a policy.")
    List<String> snapshots = new ArrayList<>();

    @Option(names = {"-l", "--keep-last"}, paramLabel = "N", description = "Garder les N dernières / keep the last N.")
    int last;

    @Option(names = {"-H", "--keep-hourly"}, paramLabel = "N", description = "… une par heure / hourly.")
    int hourly;

    @Option(names = {"-d", "--keep-daily"}, paramLabel = "N", description = "… une par jour / daily.")
    int daily;

    @Option(names = {"-w", "--keep-weekly"}, paramLabel = "N", description = "… une par semaine / weekly.")
    int weekly;

    @Option(names = {"-m", "--keep-monthly"}, paramLabel = "N", description = "… une par mois / monthly.")
    int monthly;

    @Option(names = {"-y", "--keep-yearly"}, paramLabel = "N", description = "… une par an / yearly.")
    int yearly;

    @Option(names = "--keep-within", paramLabel = "DURÉE", description = "Garder tout ce qui a moins de DURÉE "
            + "(1y2m3d4h) avant la plus récente / keep all within DURATION of the newest.")
    String within;

    @Option(names = "--keep-within-hourly", paramLabel = "DURÉE", description = "Une par heure sur DURÉE.")
    String withinHourly;

    @Option(names = "--keep-within-daily", paramLabel = "DURÉE", description = "Une par jour sur DURÉE.")
    String withinDaily;

    @Option(names = "--keep-within-weekly", paramLabel = "DURÉE", description = "Une par semaine sur DURÉE.")
    String withinWeekly;

    @Option(names = "--keep-within-monthly", paramLabel = "DURÉE", description = "Une par mois sur DURÉE.")
    String withinMonthly;

    @Option(names = "--keep-within-yearly", paramLabel = "DURÉE", description = "Une par an sur DURÉE.")
    String withinYearly;

    @Option(names = "--keep-tag", paramLabel = "ÉTIQUETTES", description = "Garder celles qui ont ces étiquettes "
            + "(a,b ; répétable) / keep snapshots with these tags.")
    List<String> keepTags = new ArrayList<>();

    @Option(names = "--keep-legal-yearly", paramLabel = "DURÉE", description = "Règle du cabinet : ne jamais "
            + "oublier l'annuelle d'une année dans cette durée (ex. 48y) / never forget the yearly of a year within.")
    String legalYearly;

    @Option(names = "--host", paramLabel = "POSTE", description = "Seulement ce poste (répétable) / only this host.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "ÉTIQUETTES", description = "Seulement avec ces étiquettes (a,b ; "
            + "répétable) / only snapshots with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--path", paramLabel = "CHEMIN", description = "Seulement avec ce chemin (répétable) / only "
            + "snapshots with this path.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-g", "--group-by"}, paramLabel = "CRITÈRES", defaultValue = "host,paths",
            description = "Regrouper par host, paths, tags (défaut ${DEFAULT-VALUE}) / group by.")
    String groupBy;

    @Option(names = {"-n", "--dry-run"}, description = "Montrer, sans rien supprimer / only show what would go.")
    boolean dryRun;

    @Option(names = "--prune", description = "Élaguer ensuite les données devenues inutiles / prune afterwards.")
    boolean prune;

    @Mixin
    PruneCommand.Flags pruneFlags = new PruneCommand.Flags();

    @Option(names = "--json", description = "Sortie JSON comme restic / JSON output as restic's.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        ForgetOptions options = options();
        var pruneOptions = prune ? pruneFlags.toOptions() : null;
        ForgetPlan plan;
        List<Id> removed = List.of();
        ObjectNode pruneJson = null;
        try (Repository r = repo.open(msg, t)) {
            Forgetter.requireDeletionAllowed(r);
            try (RepositoryLock lock = Locking.lock(r, true, root)) {
                Forgetter forgetter = new Forgetter(r);
                plan = forgetter.plan(options);
                for (String u : plan.unreadable()) {
                    t.warn(msg.get("forget.unreadable", u));
                }
                if (!json) {
                    print(plan, options, msg, t);
                }
                if (!dryRun) {
                    removed = forgetter.execute(plan, lock, new Progress(t, msg)).removed();
                    t.clearProgress();
                }
                if (!json) {
                    t.println(dryRun ? msg.get("forget.would-remove", plan.toRemove().size())
                            : msg.get("forget.removed", removed.size()));
                    if (!plan.toRemove().isEmpty() && !prune) {
                        t.println(msg.get("forget.data-stays"));
                    }
                }
                if (prune && !plan.toRemove().isEmpty()) {
                    pruneJson = PruneCommand.run(r, lock, pruneOptions, new HashSet<>(plan.toRemove()), dryRun, json,
                            msg, t);
                }
            }
        }
        if (json) {
            t.println(toJson(plan).toString());
            if (pruneJson != null) {
                t.println(pruneJson.toString());
            }
        }
        return plan.unreadable().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private ForgetOptions options() {
        ForgetPolicy.Builder p = ForgetPolicy.builder().keepLast(count("--keep-last", last))
                .keepHourly(count("--keep-hourly", hourly)).keepDaily(count("--keep-daily", daily))
                .keepWeekly(count("--keep-weekly", weekly)).keepMonthly(count("--keep-monthly", monthly))
                .keepYearly(count("--keep-yearly", yearly))
                .keepWithin(duration("--keep-within", within))
                .keepWithinHourly(duration("--keep-within-hourly", withinHourly))
                .keepWithinDaily(duration("--keep-within-daily", withinDaily))
                .keepWithinWeekly(duration("--keep-within-weekly", withinWeekly))
                .keepWithinMonthly(duration("--keep-within-monthly", withinMonthly))
                .keepWithinYearly(duration("--keep-within-yearly", withinYearly));
        keepTags.forEach(tag -> p.keepTag(SnapshotFilter.tagList(tag)));
        GroupBy g;
        try {
            g = GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "forget.bad-group-by", groupBy);
        }
        List<List<String>> tagLists = new ArrayList<>();
        tags.forEach(tag -> tagLists.add(SnapshotFilter.tagList(tag)));
        ForgetOptions o = ForgetOptions.of(p.build()).withFilter(new SnapshotFilter(hosts, tagLists, paths))
                .withGroupBy(g).withSnapshots(snapshots);
        if (legalYearly != null) {
            KeepDuration d = duration("--keep-legal-yearly", legalYearly);
            if (d.isZero()) {
                throw new UserError(ExitCode.USAGE, "forget.bad-duration", legalYearly, "--keep-legal-yearly",
                        "0");
            }
            o = o.withLegalHold(new LegalHold(d));
        }
        return o;
    }

    /** A keep count: 0 or more (see {@link ForgetPolicy} on -1). */
    private static int count(String flag, int n) {
        if (n < 0) {
            throw new UserError(ExitCode.USAGE, "forget.bad-count", flag, n);
        }
        return n;
    }

    private static KeepDuration duration(String flag, String text) {
        if (text == null) {
            return KeepDuration.ZERO;
        }
        try {
            KeepDuration d = KeepDuration.parse(text);
            if (d.isNegative()) {
                throw new IllegalArgumentException("< 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "forget.bad-duration", text, flag, e.getMessage());
        }
    }

    private static void print(ForgetPlan plan, ForgetOptions options, Messages msg, Terminal t) {
        if (!options.snapshots().isEmpty()) {
            t.println(msg.get("forget.named", plan.named().size()));
            table(plan.named(), List.of(), msg, t);
        } else if (plan.policyEmpty()) {
            t.println(msg.get("forget.no-policy"));
        }
        for (ForgetGroup g : plan.groups()) {
            t.println(msg.get("forget.group", g.key().hostname().isEmpty() ? "—" : g.key().hostname(),
                    g.key().paths() == null ? "—" : String.join(", ", g.key().paths()),
                    g.key().tags() == null ? "—" : String.join(", ", g.key().tags())));
            t.println(msg.get("forget.keep", g.keep().size()));
            table(g.keep(), g.reasons(), msg, t);
            t.println(msg.get("forget.remove", g.remove().size()));
            table(g.remove(), List.of(), msg, t);
            t.println("");
        }
        if (!plan.held().isEmpty()) {
            t.println(msg.get("forget.held", plan.held().size(), options.legalHold().retention()));
        }
    }

    private static void table(List<Repository.SnapshotEntry> list, List<KeepReason> reasons, Messages msg,
            Terminal t) {
        if (list.isEmpty()) {
            return;
        }
        String fmt = "  %-8s  %-19s  %-14s  %-12s  %s";
        t.println(String.format(fmt, "ID", msg.get("snapshots.time"), msg.get("snapshots.host"),
                msg.get("snapshots.tags"), reasons.isEmpty() ? msg.get("snapshots.paths") : msg.get("forget.reasons")));
        for (int i = 0; i < list.size(); i++) {
            Snapshot s = list.get(i).snapshot();
            String time = s.instant().atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().withNano(0)
                    .toString().replace('T', ' ');
            String last = reasons.isEmpty() ? String.join(", ", s.paths()) : reasons(reasons.get(i), msg);
            t.println(String.format(fmt, list.get(i).id().shortHex(), time, s.hostname() == null ? "" : s.hostname(),
                    String.join(",", s.tags()), last));
        }
    }

    /** restic's reasons, in the user's language. */
    private static String reasons(KeepReason r, Messages msg) {
        List<String> out = new ArrayList<>();
        for (String m : r.matches()) {
            out.add(reason(m, msg));
        }
        return String.join(", ", out);
    }

    static String reason(String m, Messages msg) {
        if (m.startsWith("has tags ")) {
            return msg.get("forget.reason.tags", m.substring("has tags ".length()));
        }
        if (m.startsWith("legal yearly within ")) {
            return msg.get("forget.reason.legal", m.substring("legal yearly within ".length()));
        }
        if (m.startsWith("within ")) {
            return msg.get("forget.reason.within", m.substring("within ".length()));
        }
        if (m.equals("policy is empty")) {
            return msg.get("forget.reason.empty");
        }
        String[] words = m.split(" ", 3);
        if (words.length == 3 && words[1].equals("within")) {
            return msg.get("forget.reason.within-" + words[0], words[2]);
        }
        if (words.length == 2 && words[1].equals("snapshot")) {
            return msg.get("forget.reason." + words[0]);
        }
        return m;
    }

    /** restic's {@code forget --json}: one object per group with host, paths, tags, keep, remove, reasons. */
    static ArrayNode toJson(ForgetPlan plan) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (ForgetGroup g : plan.groups()) {
            ObjectNode o = arr.addObject();
            strings(o, "tags", g.key().tags());
            o.put("host", g.key().hostname());
            strings(o, "paths", g.key().paths());
            snapshots(o, "keep", g.keep());
            snapshots(o, "remove", g.remove());
            if (g.reasons().isEmpty()) {
                o.putNull("reasons");
            } else {
                ArrayNode rs = o.putArray("reasons");
                for (KeepReason r : g.reasons()) {
                    ObjectNode ro = rs.addObject();
                    ro.set("snapshot", Json.MAPPER.valueToTree(r.snapshot().snapshot()));
                    ArrayNode ms = ro.putArray("matches");
                    r.matches().forEach(ms::add);
                    ObjectNode c = ro.putObject("counters");
                    KeepReason.Counters k = r.counters();
                    putNonZero(c, "last", k.last());
                    putNonZero(c, "hourly", k.hourly());
                    putNonZero(c, "daily", k.daily());
                    putNonZero(c, "weekly", k.weekly());
                    putNonZero(c, "monthly", k.monthly());
                    putNonZero(c, "yearly", k.yearly());
                }
            }
        }
        if (!plan.named().isEmpty() || !plan.held().isEmpty()) {
            // restic prints nothing for snapshots named by id; Hygie prints them as one group without key
            ObjectNode o = arr.addObject();
            o.putNull("tags");
            o.put("host", "");
            o.putNull("paths");
            snapshots(o, "keep", plan.held());
            snapshots(o, "remove", plan.named());
            o.putNull("reasons");
        }
        return arr;
    }

    private static void putNonZero(ObjectNode o, String key, int v) {
        if (v != 0) {
            o.put(key, v);
        }
    }

    private static void strings(ObjectNode o, String key, List<String> values) {
        if (values == null) {
            o.putNull(key);
        } else {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    private static void snapshots(ObjectNode o, String key, List<Repository.SnapshotEntry> list) {
        if (list.isEmpty()) {
            o.putNull(key);
            return;
        }
        o.set(key, SnapshotsCommand.toJson(list));
    }

    /** Deletions on the progress line. */
    private static final class Progress implements ForgetListener {
        private final Terminal t;
        private final Messages msg;

        Progress(Terminal t, Messages msg) {
            this.t = t;
            this.msg = msg;
        }

        @Override
        public synchronized void removed(Id snapshot, int done, int total) {
            t.progress(() -> msg.get("forget.progress", done, total), done == total);
        }
    }
}
