package org.hygie.backup.forget;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;
import org.hygie.repository.id.Id;
import org.hygie.repository.lock.RepositoryLock;

/**
 * {@code forget}: decides which snapshots go ({@link #plan}) and deletes their files ({@link #execute}), as
 * restic 0.14's {@code forget} does. Only snapshot files are deleted; the data they alone used stays until a
 * prune. The caller holds an exclusive lock from before the plan until after the execution.
 */
public final class Forgetter {
    private final Repository repo;
    private final Clock clock;
    private final ZoneId localZone;

    public Forgetter(Repository repo) {
        this(repo, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /**
     * @param clock     "now", for restic's rule that the newest snapshot is not in the future
     * @param localZone the zone restic would run in (its {@code TZ}); it matters only for keep-within limits that
     *                  cross a daylight-saving change, when snapshot times carry the local offset
     */
    public Forgetter(Repository repo, Clock clock, ZoneId localZone) {
        this.repo = repo;
        this.clock = clock;
        this.localZone = localZone;
    }

    /**
     * Fails with {@link Problem#APPEND_ONLY} when the repository's storage does not allow deletion: for callers
     * that want to refuse before taking a lock or reading anything.
     */
    public static void requireDeletionAllowed(Repository repo) {
        Deletions.requireAllowed(repo);
    }

    /**
     * Reads every snapshot and decides. Refuses at once, before reading anything, on storage that does not
     * allow deletion ({@link Problem#APPEND_ONLY}).
     *
     * @throws RepositoryException {@link Problem#NOT_FOUND} when a named snapshot does not exist or its prefix is
     *                             ambiguous: then nothing is planned
     */
    public ForgetPlan plan(ForgetOptions options) {
        Deletions.requireAllowed(repo);
        List<String> unreadable = new ArrayList<>();
        List<Repository.SnapshotEntry> all = repo.snapshots(e -> unreadable.add(e.subject() + ": " + e.getMessage()));
        ForgetPlan p = plan(all, options, clock.instant(), localZone);
        return new ForgetPlan(p.groups(), p.named(), p.held(), p.policyEmpty(), unreadable);
    }

    /** The decision alone, on a list of snapshots: no repository needed. */
    public static ForgetPlan plan(List<Repository.SnapshotEntry> all, ForgetOptions options, Instant now,
            ZoneId localZone) {
        Set<Id> hold = new HashSet<>();
        if (options.legalHold() != null) {
            hold.addAll(options.legalHold().protectedSnapshots(all, now, localZone));
        }
        List<Repository.SnapshotEntry> held = new ArrayList<>();
        if (!options.snapshots().isEmpty()) {
            List<Repository.SnapshotEntry> named = new ArrayList<>();
            Set<Id> seen = new HashSet<>();
            for (String ref : options.snapshots()) {
                Repository.SnapshotEntry e = resolve(all, ref, options.filter());
                if (seen.add(e.id())) {
                    (hold.contains(e.id()) ? held : named).add(e);
                }
            }
            return new ForgetPlan(List.of(), named, held, options.policy().isEmpty(), List.of());
        }
        if (options.policy().isEmpty()) {
            return new ForgetPlan(List.of(), List.of(), List.of(), true, List.of());
        }
        Map<GroupKey, List<Repository.SnapshotEntry>> groups = new LinkedHashMap<>();
        for (Repository.SnapshotEntry e : all) {
            if (options.filter().matches(e.snapshot())) {
                groups.computeIfAbsent(options.groupBy().keyOf(e.snapshot()), k -> new ArrayList<>()).add(e);
            }
        }
        List<ForgetGroup> decided = new ArrayList<>();
        for (Map.Entry<GroupKey, List<Repository.SnapshotEntry>> g : groups.entrySet()) {
            ForgetGroup fg = KeepRules.apply(g.getKey(), g.getValue(), options.policy(), now, localZone);
            decided.add(hold.isEmpty() ? fg : applyHold(fg, hold, options.legalHold(), held));
        }
        return new ForgetPlan(decided, List.of(), held, false, List.of());
    }

    /** Moves held snapshots from the group's removals to its keeps, with the hold's reason. */
    private static ForgetGroup applyHold(ForgetGroup g, Set<Id> hold, LegalHold legal,
            List<Repository.SnapshotEntry> held) {
        List<Repository.SnapshotEntry> keep = new ArrayList<>(g.keep());
        List<Repository.SnapshotEntry> remove = new ArrayList<>();
        List<KeepReason> reasons = new ArrayList<>(g.reasons());
        for (Repository.SnapshotEntry e : g.remove()) {
            if (hold.contains(e.id())) {
                held.add(e);
                keep.add(e);
                reasons.add(new KeepReason(e, List.of(legal.reason()), KeepReason.Counters.NONE));
            } else {
                remove.add(e);
            }
        }
        if (remove.size() == g.remove().size()) {
            return g;
        }
        keep.sort(java.util.Comparator.comparing((Repository.SnapshotEntry e) -> e.snapshot().instant()
                .toInstant()).reversed().thenComparing(Repository.SnapshotEntry::id));
        List<KeepReason> ordered = new ArrayList<>();
        for (Repository.SnapshotEntry e : keep) {
            for (KeepReason r : reasons) {
                if (r.snapshot().id().equals(e.id())) {
                    ordered.add(r);
                }
            }
        }
        return new ForgetGroup(g.key(), keep, remove, ordered);
    }

    /** A named snapshot: full id, unique prefix, or {@code latest} (the newest one the filter selects). */
    private static Repository.SnapshotEntry resolve(List<Repository.SnapshotEntry> all, String ref,
            SnapshotFilter filter) {
        if ("latest".equals(ref)) {
            Repository.SnapshotEntry latest = null;
            for (Repository.SnapshotEntry e : all) {
                if (filter.matches(e.snapshot()) && (latest == null
                        || !e.snapshot().instant().toInstant().isBefore(latest.snapshot().instant().toInstant()))) {
                    latest = e;
                }
            }
            if (latest == null) {
                throw new RepositoryException(Problem.NOT_FOUND, ref, "no snapshot matches the filter");
            }
            return latest;
        }
        String prefix = ref.toLowerCase(Locale.ROOT);
        Repository.SnapshotEntry found = null;
        for (Repository.SnapshotEntry e : all) {
            if (!prefix.isEmpty() && e.id().hex().startsWith(prefix)) {
                if (found != null) {
                    throw new RepositoryException(Problem.NOT_FOUND, ref, "snapshot prefix " + ref + " is ambiguous");
                }
                found = e;
            }
        }
        if (found == null) {
            throw new RepositoryException(Problem.NOT_FOUND, ref, "no snapshot " + ref);
        }
        return found;
    }

    /**
     * Deletes the snapshot files the plan removes. Needs the exclusive lock the plan was made under; refuses on
     * append-only storage. Stops at the first failure (what was deleted stays deleted: forgetting is idempotent).
     */
    public ForgetResult execute(ForgetPlan plan, RepositoryLock lock, ForgetListener listener) {
        Deletions.requireExclusive(lock);
        Deletions.requireAllowed(repo);
        List<Id> ids = plan.toRemove();
        List<Id> removed = new ArrayList<>();
        for (Id id : ids) {
            try {
                repo.backend().delete(FileType.SNAPSHOT, id.hex());
            } catch (IOException e) {
                throw new RepositoryException(Problem.IO, "snapshots/" + id, "cannot delete snapshot " + id + ": "
                        + e.getMessage(), e);
            }
            removed.add(id);
            listener.removed(id, removed.size(), ids.size());
        }
        return new ForgetResult(removed);
    }
}
