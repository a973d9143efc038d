#!/usr/bin/env bash
# Compare Hygie with restic 0.14 on the same synthetic data of a medical practice.
#
#   bench/compare.sh [--scale S] [--runs N] [restore|check|backup|all]...
#
#   --scale S   size of the data set (practice-data.py --scale; 1 is about 1.6 GiB). Default 1.
#   --runs N    measure each operation N times (each time restic then Hygie). Default 1.
#   operation   restore, check, backup or all (default all); several may be given, in order.
#
# For each operation restic and Hygie run one after the other on the same input, under
# `/usr/bin/time -f '%e %M %U %S'` (wall seconds, peak RSS in KiB, user and system CPU seconds).
# Everything the tool does is timed, JVM start-up included; only data generation and setup (making
# the input repository, copying the data, warming the page cache, sync) is outside the timing.
#
#   ratio     = restic seconds / Hygie seconds      (> 1: Hygie is faster)
#   mem ratio = restic peak RSS / Hygie peak RSS    (> 1: Hygie uses less memory)
#
# A table is printed; one line per measurement is appended to bench/work/results.tsv.
# Generated data and repositories live in bench/work/ (gitignored). The pristine data set and the
# restic-made repository used by restore and check are kept there between runs (delete
# bench/work/ to start over); restore targets and backup copies are removed after each use.
#
# Environment: RESTIC (default /usr/bin/restic), HYGIE (default ./hygie of this work tree),
# PRACTICE_DATA (default /work/shared/bench/practice-data.py), HYGIE_JAVA_OPTS (when set, even empty, replaces the
# JVM options of the ./hygie launcher; results.tsv records "launcher" when it is unset).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"   # .../bench
root="$(dirname "$here")"                               # the work tree
RESTIC="${RESTIC:-/usr/bin/restic}"
HYGIE="${HYGIE:-$root/hygie}"
PRACTICE_DATA="${PRACTICE_DATA:-/work/shared/bench/practice-data.py}"
WORK="$here/work"
RESULTS="$WORK/results.tsv"

scale=1
runs=1
ops=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    restore|check|backup|all) ops+=("$1"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ ${#ops[@]} -gt 0 ] || ops=(all)
op="${ops[*]}"
java_opts="${HYGIE_JAVA_OPTS-launcher}"

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
require_prerequisites

# Free disk: the data set, a restic repository, two restore targets, and for backup a copy of the
# data and two more repositories. About 1.6 GiB per unit of scale each; ask for 7x plus margin.
need_kb=$(awk -v s="$scale" 'BEGIN { printf "%d", s * 7 * 1.7 * 1024 * 1024 + 1024 * 1024 }')
free_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
[ "$free_kb" -ge "$need_kb" ] || die "not enough free disk in $WORK: $((free_kb / 1048576)) GiB free, ~$((need_kb / 1048576)) GiB needed (try a smaller --scale)"

# One password for every repository. restic reads it from RESTIC_PASSWORD, Hygie from a file.
PASSWORD_FILE="$WORK/password"
[ -f "$PASSWORD_FILE" ] || (umask 077; echo "benchmark-password" > "$PASSWORD_FILE")
export RESTIC_PASSWORD; RESTIC_PASSWORD="$(cat "$PASSWORD_FILE")"
# restic keeps its local cache here (not in ~/.cache), as it would on a real machine between nights.
export RESTIC_CACHE_DIR="$WORK/restic-cache"
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE

# Build Hygie now (the launcher builds on first use), so that no build lands inside a timing.
note "building Hygie if needed"
"$HYGIE" --version >/dev/null || die "$HYGIE does not run"
# The last commit that changed Hygie itself (bench/ and docs/ do not change what is measured).
hygie_commit="$(git -C "$root" log -1 --format=%h -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null)" ] || hygie_commit="$hygie_commit+dirty"
restic_version="$("$RESTIC" version | awk '{ print $2 }')"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
ram_gib=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
note "$(date -u '+%F %T UTC'), $(nproc) cores ($cpu), ${ram_gib} GiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
note "restic $restic_version vs Hygie $hygie_commit, scale $scale, operation $op, $runs run(s), JVM options: $java_opts"

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

# warm DIR...: read every file once so both tools start with the input in the page cache
# (the machine has far more RAM than the data). Not timed.
warm() { find "$@" -type f -print0 | xargs -0 -r cat > /dev/null; }

# measure LOGNAME CMD...: run CMD under /usr/bin/time; sets SECS (wall), RSS_KB (peak RSS) and CPU
# (user + system seconds, to tell work from waiting on this shared machine). Output goes to a log.
# Dirty pages of the previous step are flushed first (sync) so that they are not billed to CMD.

# Results: header of the table and of results.tsv.
[ -f "$RESULTS" ] || printf 'date\thygie_commit\trestic_version\tscale\toperation\trestic_s\trestic_rss_kib\thygie_s\thygie_rss_kib\tratio\tmem_ratio\tload1\trestic_repo_bytes\thygie_repo_bytes\trestic_cpu_s\thygie_cpu_s\thygie_java_opts\n' > "$RESULTS"
table=()

# record OPERATION RESTIC_S RESTIC_KB HYGIE_S HYGIE_KB LOAD1 RESTIC_CPU HYGIE_CPU [RESTIC_REPO_BYTES HYGIE_REPO_BYTES]
record() {
  local ratio mem
  ratio=$(awk -v r="$2" -v h="$4" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
  mem=$(awk -v r="$3" -v h="$5" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$hygie_commit" "$restic_version" \
    "$scale" "$1" "$2" "$3" "$4" "$5" "$ratio" "$mem" "$6" "${9:-}" "${10:-}" "$7" "$8" "$java_opts" >> "$RESULTS"
  table+=("$(printf '%-22s %9s %9s %9s %9s %7s %7s %8s %8s %6s' "$1" "$2" "$(($3 / 1024))" "$4" "$(($5 / 1024))" \
    "$ratio" "$mem" "$7" "$8" "$6")")
  printf '   %s: restic %ss %sMiB, hygie %ss %sMiB -> ratio %s, mem ratio %s\n' "$1" "$2" "$(($3 / 1024))" "$4" "$(($5 / 1024))" "$ratio" "$mem" >&2
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# restic-measured and Hygie-measured numbers of the last pair
pair() {  # pair NAME RESTIC_CMD... -- HYGIE_CMD...   (sets R_S R_KB R_CPU H_S H_KB H_CPU LOAD)
  local name="$1"; shift
  local rcmd=() hcmd=()
  while [ "$1" != "--" ]; do rcmd+=("$1"); shift; done; shift
  hcmd=("$@")
  LOAD=$(load1)
  measure "$name-restic" "${rcmd[@]}"; R_S=$SECS; R_KB=$RSS_KB; R_CPU=$CPU
  measure "$name-hygie" "${hcmd[@]}"; H_S=$SECS; H_KB=$RSS_KB; H_CPU=$CPU
}

# ---------------------------------------------------------------------------------------------
# Inputs shared by restore and check: the data set (kept) and a repository made by restic (kept)
# ---------------------------------------------------------------------------------------------
DATA="$WORK/data/s$scale"
SRC_REPO="$WORK/restic-repo/s$scale"

make_data() {
  [ -f "$DATA/.complete" ] && return
  note "generating data at scale $scale in $DATA (not timed)"
  rm -rf "$DATA.tmp" "$DATA"
  python3 "$PRACTICE_DATA" make "$DATA.tmp" --scale "$scale"
  mv "$DATA.tmp" "$DATA"
  touch "$DATA/.complete"
}

make_source_repo() {
  make_data
  [ -f "$SRC_REPO/.complete" ] && return
  note "making the input repository with restic backup (v2, default compression; not timed)"
  rm -rf "$SRC_REPO"
  "$RESTIC" -r "$SRC_REPO" init --repository-version 2 >/dev/null
  "$RESTIC" -r "$SRC_REPO" backup --quiet "$DATA"
  touch "$SRC_REPO/.complete"   # restic ignores unknown files at the repository root
}

# ---------------------------------------------------------------------------------------------
# restore: restic restore latest vs hygie restore latest, both checked with diff -r
# ---------------------------------------------------------------------------------------------
bench_restore() {
  make_source_repo
  local t1="$WORK/restore/restic" t2="$WORK/restore/hygie"
  rm -rf "$t1" "$t2"; mkdir -p "$WORK/restore"
  note "restore (scale $scale)"
  warm "$SRC_REPO"
  pair restore "$RESTIC" -r "$SRC_REPO" restore latest --target "$t1" \
    -- "$HYGIE" restore --repo "$SRC_REPO" --password-file "$PASSWORD_FILE" latest --target "$t2"
  # Both restore the absolute path of the backed-up folder under the target.
  note "verifying both restores against the source with diff -r"
  diff -r --no-dereference -x .complete "$DATA" "$t1$DATA" > "$WORK/logs/$stamp-restore-restic.diff" \
    || die "restic's restore differs from the source (see $WORK/logs/$stamp-restore-restic.diff)"
  diff -r --no-dereference -x .complete "$DATA" "$t2$DATA" > "$WORK/logs/$stamp-restore-hygie.diff" \
    || die "Hygie's restore differs from the source (see $WORK/logs/$stamp-restore-hygie.diff)"
  record restore "$R_S" "$R_KB" "$H_S" "$H_KB" "$LOAD" "$R_CPU" "$H_CPU"
  rm -rf "$t1" "$t2"
}

# ---------------------------------------------------------------------------------------------
# check --read-data: restic without its cache (Hygie has none), both must report no error
# ---------------------------------------------------------------------------------------------
bench_check() {
  make_source_repo
  note "check --read-data (scale $scale; restic with --no-cache)"
  warm "$SRC_REPO"
  pair check-read-data "$RESTIC" -r "$SRC_REPO" --no-cache check --read-data \
    -- "$HYGIE" check --repo "$SRC_REPO" --password-file "$PASSWORD_FILE" --read-data
  record check-read-data "$R_S" "$R_KB" "$H_S" "$H_KB" "$LOAD" "$R_CPU" "$H_CPU"
}

# ---------------------------------------------------------------------------------------------
# backup: initial, no-change night, day 1; each tool into its own fresh repository
# ---------------------------------------------------------------------------------------------
bench_backup() {
  # `hygie backup --help` would print the general help and succeed; `hygie help backup` fails
  # (exit 2) while the command does not exist.
  if ! "$HYGIE" help backup >/dev/null 2>&1; then
    note "hygie backup not available yet: skipping backup"
    return
  fi
  make_data
  local src="$WORK/backup/data" r1="$WORK/backup/r-restic" r2="$WORK/backup/r-hygie"
  # restic starts with an empty cache of its own, as on a new machine, and keeps it between nights.
  local -x RESTIC_CACHE_DIR="$WORK/backup/restic-cache"
  note "backup (scale $scale): copying the data, fresh repositories (not timed)"
  rm -rf "$WORK/backup"; mkdir -p "$WORK/backup"
  cp -a "$DATA" "$src"; rm -f "$src/.complete"
  "$RESTIC" -r "$r1" init --repository-version 2 >/dev/null   # v2, compression auto (default)
  "$HYGIE" init --repo "$r2" --password-file "$PASSWORD_FILE" >/dev/null

  local step
  for step in initial no-change day-1; do
    if [ "$step" = day-1 ]; then
      note "mutating the data: practice-data.py mutate --day 1 (not timed)"
      python3 "$PRACTICE_DATA" mutate "$src" --day 1
    fi
    warm "$src"
    note "backup: $step"
    pair "backup-$step" "$RESTIC" -r "$r1" backup "$src" \
      -- "$HYGIE" backup --repo "$r2" --password-file "$PASSWORD_FILE" "$src"
    record "backup-$step" "$R_S" "$R_KB" "$H_S" "$H_KB" "$LOAD" "$R_CPU" "$H_CPU" \
      "$(du -sb "$r1" | cut -f1)" "$(du -sb "$r2" | cut -f1)"
  done
  printf '   repository size: restic %s bytes, hygie %s bytes\n' "$(du -sb "$r1" | cut -f1)" "$(du -sb "$r2" | cut -f1)" >&2

  # Hygie's repository must be a valid restic repository, every byte of it.
  note "restic check --read-data on Hygie's repository"
  "$RESTIC" -r "$r2" --no-cache check --read-data > "$WORK/logs/$stamp-backup-restic-checks-hygie.log" 2>&1 \
    || { tail -n 20 "$WORK/logs/$stamp-backup-restic-checks-hygie.log" >&2; die "restic finds Hygie's repository damaged"; }
  # ...and restic must restore from it exactly what was backed up.
  note "restic restore of Hygie's last snapshot, diff -r against the data"
  "$RESTIC" -r "$r2" --no-cache restore latest --target "$WORK/backup/t" >/dev/null \
    || die "restic cannot restore Hygie's last snapshot"
  diff -r --no-dereference "$src" "$WORK/backup/t$src" > "$WORK/logs/$stamp-backup-restore.diff" \
    || die "restic's restore of Hygie's snapshot differs from the data (see $WORK/logs/$stamp-backup-restore.diff)"
  rm -rf "$WORK/backup"
}

# ---------------------------------------------------------------------------------------------
for ((run = 1; run <= runs; run++)); do
  [ "$runs" -gt 1 ] && note "run $run of $runs"
  for o in "${ops[@]}"; do
    case "$o" in
      restore) bench_restore ;;
      check) bench_check ;;
      backup) bench_backup ;;
      all) bench_restore; bench_check; bench_backup ;;
    esac
  done
done

if [ ${#table[@]} -gt 0 ]; then
  echo
  echo "restic $restic_version vs Hygie $hygie_commit, scale $scale, $(nproc) cores, $(date -u '+%F %T UTC')"
  printf '%-22s %9s %9s %9s %9s %7s %7s %8s %8s %6s\n' operation restic_s restic_MiB hygie_s hygie_MiB ratio mem \
    rcpu_s hcpu_s load1
  printf '%s\n' "${table[@]}"
  echo "ratio = restic time / Hygie time (> 1: Hygie faster); mem = restic RSS / Hygie RSS (> 1: Hygie smaller)"
  echo "rcpu_s, hcpu_s = user + system CPU seconds of restic and Hygie; load1 = 1-minute load average before the pair"
  echo "appended to $RESULTS"
fi
