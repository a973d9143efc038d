#!/usr/bin/env bash
# A repository on a far store, as an offsite backup is: Hygie against restic 0.14 through a proxy that adds latency.
#
#   bench/remote-latency.sh [--delay MS] [--nights N] [--runs R]
#
#   --delay MS   delay added to every chunk each way by bench/latency-proxy.py (default 15: a round trip of 30 ms
#                or more, as from a practice to a hosting provider over the internet).
#   --nights N   nights of backups made first, not timed (default 60): each night a small change, so each one
#                leaves an index file and a snapshot, as a practice's nightly backup does.
#   --runs R     timed pairs (default 2).
#
# The store is `rclone serve restic` on 127.0.0.1 (package rclone), reached by both tools through the proxy, each
# into a repository of its own filled with the same N nights. Then, timed under `/usr/bin/time`, each run: restic
# then Hygie, `snapshots` and a backup with nothing changed. restic runs with its local cache (as on a real
# machine) and, for reference, with --no-cache (Hygie keeps no cache). JVM start-up is in Hygie's times.
#   ratio = restic seconds / Hygie seconds (> 1: Hygie is faster)
# Lines are appended to bench/work/latency-results.tsv.
# Environment: RESTIC, HYGIE, HYGIE_JAVA_OPTS as for bench/compare.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
RESTIC="${RESTIC:-/usr/bin/restic}"
HYGIE="${HYGIE:-$root/hygie}"
PRACTICE_DATA="${PRACTICE_DATA:-/work/shared/bench/practice-data.py}"
WORK="$here/work"
RESULTS="$WORK/latency-results.tsv"

delay=15
nights=60
runs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --delay) delay="$2"; shift 2 ;;
    --nights) nights="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
command -v rclone >/dev/null 2>&1 || { note "installing rclone"; apt-get update -q >/dev/null; apt-get install -y -q rclone >/dev/null; }
require_prerequisites

RUN="$(mktemp -d "$WORK/latency.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$RUN"
}
trap cleanup EXIT

PASSWORD_FILE="$WORK/password"
[ -f "$PASSWORD_FILE" ] || (umask 077; echo "benchmark-password" > "$PASSWORD_FILE")
export RESTIC_PASSWORD; RESTIC_PASSWORD="$(cat "$PASSWORD_FILE")"
export RESTIC_CACHE_DIR="$RUN/restic-cache"
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE

note "building Hygie if needed"
"$HYGIE" --version >/dev/null || die "$HYGIE does not run"
hygie_commit="$(git -C "$root" log -1 --format=%h -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null)" ] || hygie_commit="$hygie_commit+dirty"
restic_version="$("$RESTIC" version | awk '{ print $2 }')"

server_port=$(free_port)
rclone serve restic --addr "127.0.0.1:$server_port" --config /dev/null "$RUN/store" 2>"$RUN/rclone.log" &
pids+=($!)
wait_port "$server_port" "${pids[-1]}" || die "rclone did not start: $(cat "$RUN/rclone.log")"
proxy_port=$(free_port)
python3 "$here/latency-proxy.py" "$proxy_port" "$server_port" "$delay" 2>"$RUN/proxy.log" &
pids+=($!)
wait_port "$proxy_port" "${pids[-1]}" || die "the latency proxy did not start: $(cat "$RUN/proxy.log")"
far="http://127.0.0.1:$proxy_port"
note "$(date -u '+%F %T UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
note "restic $restic_version vs Hygie $hygie_commit; +$delay ms each way; $nights nights first; $runs run(s)"

# The practice's folder: a few files, one of them changed every night (not timed).
src="$RUN/src"
mkdir -p "$src"
head -c 200000 /dev/urandom > "$src/dossier.bin"
"$RESTIC" -r "rest:$far/restic/" init >/dev/null
"$HYGIE" init --repo "rest:$far/hygie/" --password-file "$PASSWORD_FILE" >/dev/null
note "making $nights nights in each repository (not timed)"
for n in $(seq "$nights"); do
  echo "night $n" > "$src/journal.txt"
  "$RESTIC" -r "rest:$far/restic/" backup "$src" >/dev/null
  "$HYGIE" backup --repo "rest:$far/hygie/" --password-file "$PASSWORD_FILE" "$src" >/dev/null
done

[ -f "$RESULTS" ] || printf 'date\thygie_commit\trestic_version\tdelay_ms\tnights\toperation\trestic_s\trestic_cpu_s\trestic_nocache_s\thygie_s\thygie_cpu_s\tratio\tratio_nocache\tload1\n' > "$RESULTS"
table=()
pair() {  # pair OPERATION RESTIC_ARGS... -- HYGIE_ARGS...
  local op="$1"; shift
  local rargs=() hargs=()
  while [ "$1" != -- ]; do rargs+=("$1"); shift; done; shift
  hargs=("$@")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  measure "lat-$op-restic" "$RESTIC" -r "rest:$far/restic/" "${rargs[@]}"
  local rs=$SECS rcpu=$CPU
  measure "lat-$op-restic-nocache" "$RESTIC" -r "rest:$far/restic/" --no-cache "${rargs[@]}"
  local rn=$SECS
  measure "lat-$op-hygie" "$HYGIE" "${hargs[0]}" --repo "rest:$far/hygie/" --password-file "$PASSWORD_FILE" \
    "${hargs[@]:1}"
  local ratio ration
  ratio=$(awk -v r="$rs" -v h="$SECS" 'BEGIN { printf "%.2f", r / h }')
  ration=$(awk -v r="$rn" -v h="$SECS" 'BEGIN { printf "%.2f", r / h }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$hygie_commit" "$restic_version" "$delay" \
    "$nights" "$op" "$rs" "$rcpu" "$rn" "$SECS" "$CPU" "$ratio" "$ration" "$load" >> "$RESULTS"
  table+=("$(printf '%-10s %9s %9s %11s %9s %9s %7s %9s %6s' "$op" "$rs" "$rcpu" "$rn" "$SECS" "$CPU" "$ratio" \
    "$ration" "$load")")
}
for r in $(seq "$runs"); do
  pair snapshots snapshots -- snapshots
  pair no-change backup "$src" -- backup "$src"
done

printf '\n%s nights on a REST store %s ms away each way (round trip >= %s ms); seconds, CPU seconds\n' "$nights" \
  "$delay" "$((2 * delay))"
printf '%-10s %9s %9s %11s %9s %9s %7s %9s %6s\n' operation restic_s rst_cpu restic_nocache hygie_s hyg_cpu ratio \
  r_nocache load1
for line in "${table[@]}"; do echo "$line"; done
echo "ratio = restic (with its cache) seconds / Hygie seconds; r_nocache = restic --no-cache seconds / Hygie seconds"
echo "appended to $RESULTS"
