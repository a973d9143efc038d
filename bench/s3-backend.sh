#!/usr/bin/env bash
# Backup to an S3 store on loopback: Hygie vs restic 0.14, same data, same server, same script run.
#
#   bench/s3-backend.sh [--scale S] [--runs N]
#
#   --scale S   size of the data set (practice-data.py --scale; 1 is about 1.6 GiB). Default 0.2.
#   --runs N    measure N times (each time restic then Hygie, each into a fresh bucket). Default 1.
#
# The server is s3proxy 4.1.0 (the version the tests use), started by this script on 127.0.0.1 as a JVM of
# its own with its filesystem store under bench/work/s3/, and stopped at the end. Both tools reach it as
# s3:http://127.0.0.1:PORT/BUCKET/repo with the same access key in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
#
# Each run times three backups under `/usr/bin/time -f '%e %M %U %S'`, as bench/compare.sh does:
#   initial     the data set into an empty repository
#   no-change   the same data again (the parent snapshot spares reading unchanged files)
#   day-1       after practice-data.py mutate --day 1
# and, for reference in the same run, initial backups of both tools into a local folder (operation
# local-backup-initial), which tells what S3 itself adds;
# then restic checks Hygie's repository (check --read-data) and restores its last snapshot, which must equal
# the data (diff -r). JVM start-up and the launcher are timed; data generation, init and setup are not.
#   ratio = restic seconds / Hygie seconds (> 1: Hygie is faster)
# The CPU seconds s3proxy spent serving each tool's backup are printed beside the tool's own (the server shares
# the 2 cores: its work is part of what each tool's wall time waits for). Before the first run, s3proxy is warmed up
# by two untimed backups of the data from each tool, as a store is a long-running server.
# Lines are appended to bench/work/results.tsv (operation s3-backup-*), the format of bench/compare.sh.
#
# Environment: RESTIC (default /usr/bin/restic), HYGIE (default ./hygie of this work tree),
# PRACTICE_DATA (default /work/shared/bench/practice-data.py), HYGIE_JAVA_OPTS (passed to Hygie's JVM).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
RESTIC="${RESTIC:-/usr/bin/restic}"
HYGIE="${HYGIE:-$root/hygie}"
PRACTICE_DATA="${PRACTICE_DATA:-/work/shared/bench/practice-data.py}"
WORK="$here/work"
RESULTS="$WORK/results.tsv"

scale=0.2
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

require_prerequisites

need_kb=$(awk -v s="$scale" 'BEGIN { printf "%d", s * 6 * 1.7 * 1024 * 1024 + 1024 * 1024 }')
free_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
[ "$free_kb" -ge "$need_kb" ] || die "not enough free disk in $WORK: ~$((need_kb / 1048576)) GiB needed"

PASSWORD_FILE="$WORK/password"
[ -f "$PASSWORD_FILE" ] || (umask 077; echo "benchmark-password" > "$PASSWORD_FILE")
export RESTIC_PASSWORD; RESTIC_PASSWORD="$(cat "$PASSWORD_FILE")"
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE AWS_PROFILE \
  AWS_SESSION_TOKEN AWS_DEFAULT_REGION AWS_REGION
export AWS_ACCESS_KEY_ID="hygie-bench" AWS_SECRET_ACCESS_KEY="hygie-bench-secret"

note "building Hygie if needed"
"$HYGIE" --version >/dev/null || die "$HYGIE does not run"
hygie_commit="$(git -C "$root" log -1 --format=%h -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null)" ] || hygie_commit="$hygie_commit+dirty"
restic_version="$("$RESTIC" version | awk '{ print $2 }')"

# ---------------------------------------------------------------------------------------------
# s3proxy: class path resolved once by Maven from bench/s3proxy/pom.xml, then a JVM of its own
# ---------------------------------------------------------------------------------------------
S3DIR="$WORK/s3"
CP_FILE="$WORK/s3proxy.classpath"
if [ ! -s "$CP_FILE" ] || [ "$here/s3proxy/pom.xml" -nt "$CP_FILE" ]; then
  note "resolving s3proxy's class path (Maven)"
  mvn -q -B -f "$here/s3proxy/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2 \
    || die "cannot resolve s3proxy"
fi
rm -rf "$S3DIR"; mkdir -p "$S3DIR/store"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$S3DIR/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AWS_ACCESS_KEY_ID
s3proxy.credential=$AWS_SECRET_ACCESS_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3DIR/store
EOF
java -Dlogback.configurationFile="$here/s3proxy/logback.xml" -cp "$(cat "$CP_FILE")" org.gaul.s3proxy.Main \
  --properties "$S3DIR/s3proxy.conf" > "$WORK/logs/s3proxy.log" 2>&1 &
s3proxy_pid=$!
trap 'kill "$s3proxy_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$s3proxy_pid" 2>/dev/null || { cat "$WORK/logs/s3proxy.log" >&2; die "s3proxy did not start"; }
  sleep 0.2
done
endpoint="s3:http://127.0.0.1:$port"
HYGIE_CACHE_DIR="$S3DIR/prime-cache" prime_hygie "$endpoint/hygie-prime/repo"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
bucket_stamp="$(echo "$stamp" | tr 'A-Z' 'a-z')"   # bucket names are lower case
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
note "$(date -u '+%F %T UTC'), $(nproc) cores ($cpu), load $(cut -d' ' -f1-3 /proc/loadavg)"
note "restic $restic_version vs Hygie $hygie_commit, backup to s3proxy at $endpoint, scale $scale, $runs run(s)"

# ---------------------------------------------------------------------------------------------

[ -f "$RESULTS" ] || printf 'date\thygie_commit\trestic_version\tscale\toperation\trestic_s\trestic_rss_kib\thygie_s\thygie_rss_kib\tratio\tmem_ratio\tload1\trestic_repo_bytes\thygie_repo_bytes\trestic_cpu_s\thygie_cpu_s\thygie_java_opts\n' > "$RESULTS"
table=()
record() {  # record OPERATION RESTIC_S RESTIC_KB HYGIE_S HYGIE_KB LOAD1 RESTIC_CPU HYGIE_CPU RESTIC_BYTES HYGIE_BYTES
  local ratio mem
  ratio=$(awk -v r="$2" -v h="$4" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
  mem=$(awk -v r="$3" -v h="$5" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$hygie_commit" "$restic_version" \
    "$scale" "$1" "$2" "$3" "$4" "$5" "$ratio" "$mem" "$6" "$9" "${10}" "$7" "$8" "${HYGIE_JAVA_OPTS:-}" >> "$RESULTS"
  table+=("$(printf '%-22s %9s %9s %9s %9s %7s %7s %8s %8s %6s' "$1" "$2" "$(($3 / 1024))" "$4" "$(($5 / 1024))" \
    "$ratio" "$mem" "$7" "$8" "$6")")
  printf '   %s: restic %ss %sMiB, hygie %ss %sMiB -> ratio %s\n' "$1" "$2" "$(($3 / 1024))" "$4" "$(($5 / 1024))" "$ratio" >&2
}

DATA="$WORK/data/s$scale"
if [ ! -f "$DATA/.complete" ]; then
  note "generating data at scale $scale in $DATA (not timed)"
  rm -rf "$DATA.tmp" "$DATA"
  python3 "$PRACTICE_DATA" make "$DATA.tmp" --scale "$scale"
  mv "$DATA.tmp" "$DATA"
  touch "$DATA/.complete"
fi

bucket_bytes() { du -sb "$S3DIR/store/$1" | cut -f1; }

# A store is a long-running server: s3proxy is warmed up, untimed, by two backups of the data from each tool into
# buckets of their own, removed afterwards. Without it the first run's figures carry the server's own JIT warm-up:
# a freshly started s3proxy spent 5.3, 3.9, then 3.6 CPU-s on restic's first three scale-1 uploads and 6.4, 4.1,
# then 3.8 on Hygie's (29 Nov, 15:45 UTC); with one warm-up each, the server spent 4.5-5.8 CPU-s on Hygie's timed
# uploads (0.7-2.0 over its steady state) and 3.7-4.1 on restic's (0.1-0.5 over).
note "warming s3proxy up: two backups from each tool, not timed"
for warm in 1 2; do
  "$RESTIC" -r "$endpoint/warm-restic-$warm-$bucket_stamp/repo" init --repository-version 2 >/dev/null
  RESTIC_CACHE_DIR="$S3DIR/warm-restic-cache-$warm" "$RESTIC" -r "$endpoint/warm-restic-$warm-$bucket_stamp/repo" \
    backup -q "$DATA" >/dev/null
  HYGIE_CACHE_DIR="$S3DIR/warm-hygie-cache-$warm" "$HYGIE" init --repo "$endpoint/warm-hygie-$warm-$bucket_stamp/repo" \
    --password-file "$PASSWORD_FILE" >/dev/null
  HYGIE_CACHE_DIR="$S3DIR/warm-hygie-cache-$warm" "$HYGIE" backup --repo "$endpoint/warm-hygie-$warm-$bucket_stamp/repo" \
    --password-file "$PASSWORD_FILE" "$DATA" >/dev/null
  rm -rf "$S3DIR/store/warm-restic-$warm-$bucket_stamp" "$S3DIR/store/warm-hygie-$warm-$bucket_stamp" \
    "$S3DIR"/warm-*-cache-"$warm"
done

for ((run = 1; run <= runs; run++)); do
  [ "$runs" -gt 1 ] && note "run $run of $runs"
  src="$WORK/s3-backup/data"
  r1="$endpoint/restic-$bucket_stamp-$run/repo" r2="$endpoint/hygie-$bucket_stamp-$run/repo"
  local_cache="$WORK/s3-backup/restic-cache"
  note "copying the data, fresh buckets (not timed)"
  rm -rf "$WORK/s3-backup"; mkdir -p "$WORK/s3-backup"
  cp -a "$DATA" "$src"; rm -f "$src/.complete"
  RESTIC_CACHE_DIR="$local_cache" "$RESTIC" -r "$r1" init --repository-version 2 >/dev/null
  HYGIE_CACHE_DIR="$WORK/s3-backup/hygie-cache" "$HYGIE" init --repo "$r2" --password-file "$PASSWORD_FILE" >/dev/null
  for step in initial no-change day-1; do
    if [ "$step" = day-1 ]; then
      note "mutating the data: practice-data.py mutate --day 1 (not timed)"
      python3 "$PRACTICE_DATA" mutate "$src" --day 1
    fi
    find "$src" -type f -print0 | xargs -0 -r cat > /dev/null
    note "backup to S3: $step"
    load=$(cut -d' ' -f1 /proc/loadavg)
    s0=$(proc_cpu "$s3proxy_pid")
    measure "s3-backup-$step-restic" env RESTIC_CACHE_DIR="$local_cache" "$RESTIC" -r "$r1" backup "$src"
    R_S=$SECS; R_KB=$RSS_KB; R_CPU=$CPU
    s1=$(proc_cpu "$s3proxy_pid")
    measure "s3-backup-$step-hygie" env HYGIE_CACHE_DIR="$WORK/s3-backup/hygie-cache" "$HYGIE" backup --repo "$r2" \
      --password-file "$PASSWORD_FILE" "$src"
    s2=$(proc_cpu "$s3proxy_pid")
    awk -v a="$s0" -v b="$s1" -v c="$s2" -v r="$R_CPU" -v h="$CPU" 'BEGIN { printf "   CPU s: restic %.2f + s3proxy %.2f, hygie %.2f + s3proxy %.2f\n", r, b - a, h, c - b }' >&2
    record "s3-backup-$step" "$R_S" "$R_KB" "$SECS" "$RSS_KB" "$load" "$R_CPU" "$CPU" \
      "$(bucket_bytes "restic-$bucket_stamp-$run")" "$(bucket_bytes "hygie-$bucket_stamp-$run")"
  done
  note "reference: initial backup into a local folder, same data"
  l1="$WORK/s3-backup/local-restic" l2="$WORK/s3-backup/local-hygie"
  rm -rf "$WORK/s3-backup/local-data"; cp -a "$DATA" "$WORK/s3-backup/local-data"; rm -f "$WORK/s3-backup/local-data/.complete"
  RESTIC_CACHE_DIR="$WORK/s3-backup/local-cache" "$RESTIC" -r "$l1" init --repository-version 2 >/dev/null
  "$HYGIE" init --repo "$l2" --password-file "$PASSWORD_FILE" >/dev/null
  find "$WORK/s3-backup/local-data" -type f -print0 | xargs -0 -r cat > /dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  measure "local-backup-initial-restic" env RESTIC_CACHE_DIR="$WORK/s3-backup/local-cache" "$RESTIC" -r "$l1" backup "$WORK/s3-backup/local-data"
  R_S=$SECS; R_KB=$RSS_KB; R_CPU=$CPU
  measure "local-backup-initial-hygie" "$HYGIE" backup --repo "$l2" --password-file "$PASSWORD_FILE" "$WORK/s3-backup/local-data"
  record "local-backup-initial" "$R_S" "$R_KB" "$SECS" "$RSS_KB" "$load" "$R_CPU" "$CPU" \
    "$(du -sb "$l1" | cut -f1)" "$(du -sb "$l2" | cut -f1)"

  note "restic check --read-data on Hygie's S3 repository"
  "$RESTIC" -r "$r2" --no-cache check --read-data > "$WORK/logs/$stamp-s3-restic-checks-hygie.log" 2>&1 \
    || { tail -n 20 "$WORK/logs/$stamp-s3-restic-checks-hygie.log" >&2; die "restic finds Hygie's S3 repository damaged"; }
  note "restic restore of Hygie's last snapshot, diff -r against the data"
  "$RESTIC" -r "$r2" --no-cache restore latest --target "$WORK/s3-backup/t" >/dev/null \
    || die "restic cannot restore Hygie's last snapshot from S3"
  diff -r --no-dereference "$src" "$WORK/s3-backup/t$src" > "$WORK/logs/$stamp-s3-restore.diff" \
    || die "restic's restore of Hygie's snapshot differs from the data (see $WORK/logs/$stamp-s3-restore.diff)"
  rm -rf "$WORK/s3-backup" "$S3DIR/store/restic-$bucket_stamp-$run" "$S3DIR/store/hygie-$bucket_stamp-$run"
done

echo
echo "restic $restic_version vs Hygie $hygie_commit, backup to s3proxy on loopback, scale $scale, $(nproc) cores, $(date -u '+%F %T UTC')"
printf '%-22s %9s %9s %9s %9s %7s %7s %8s %8s %6s\n' operation restic_s restic_MiB hygie_s hygie_MiB ratio mem \
  rcpu_s hcpu_s load1
printf '%s\n' "${table[@]}"
echo "ratio = restic time / Hygie time (> 1: Hygie faster); mem = restic RSS / Hygie RSS (> 1: Hygie smaller)"
echo "appended to $RESULTS"
