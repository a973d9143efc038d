/**
 * Forgetting snapshots by restic's policy (restic 0.14 {@code internal/restic/snapshot_policy.go}): snapshots are
 * filtered ({@link org.hygie.backup.forget.SnapshotFilter}), grouped ({@link org.hygie.backup.forget.GroupBy}),
 * and in each group the {@link org.hygie.backup.forget.ForgetPolicy} keeps the last snapshot of each hour, day,
 * ISO week, month or year, the snapshots within a duration of the newest, and those with chosen tags. On top,
 * Hygie's practice rule ({@link org.hygie.backup.forget.LegalHold}) never lets the yearly snapshot of a year inside
 * the legal retention period go. {@link org.hygie.backup.forget.Forgetter} makes the plan (a value a dry run
 * prints) and carries it out by deleting snapshot files under an exclusive lock.
 */
package org.hygie.backup.forget;
