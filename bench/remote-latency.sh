#!/usr/bin/env bash
# A repository on a far store, as an offsite backup is: Hygie against restic 0.14 through a proxy that adds latency.
#
#   bench/remote-latency.sh [--store rest|sftp] [--delay MS] [--nights N] [--runs R]
#
#   --store S    rest: `rclone serve restic` (package rclone); sftp: OpenSSH's sshd with internal-sftp (package
#                openssh-server), as a NAS runs it (default rest).
#   --delay MS   delay added to every chunk each way by bench/latency-proxy.py (default 15: a round trip of 30 ms
#                or more, as from a practice to a hosting provider over the internet).
#   --nights N   nights of backups made first through the proxy-less port, not timed (default 60): each night a
#                small change, so each one leaves an index file and a snapshot, as a practice's nightly backup does.
#   --runs R     timed rounds (default 2).
#
# The store runs on 127.0.0.1 and both tools reach it through the proxy, each into a repository of its own filled
# with the same N nights. Then, timed under `/usr/bin/time`, each round: `snapshots` and a backup with nothing
# changed, by restic with its local cache (as on a real machine) and with --no-cache, and by Hygie with its local
# copy of the index and snapshots and with --no-cache. The local copies start empty (a new computer): the first
# round fills them. JVM start-up is in Hygie's times.
#   ratio = restic seconds / Hygie seconds (> 1: Hygie is faster), each tool with its cache; r_nocache: both without
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

store=rest
delay=15
nights=60
runs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store="$2"; shift 2 ;;
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
case "$store" in
  rest) command -v rclone >/dev/null 2>&1 || { note "installing rclone"; apt-get update -q >/dev/null; apt-get install -y -q rclone >/dev/null; } ;;
  sftp) [ -x /usr/sbin/sshd ] || { note "installing openssh-server"; apt-get update -q >/dev/null; apt-get install -y -q openssh-server >/dev/null; } ;;
  *) die "--store rest or sftp, not $store" ;;
esac
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
export RESTIC_CACHE_DIR="$RUN/restic-cache" HYGIE_CACHE_DIR="$RUN/hygie-cache"
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE

note "building Hygie if needed"
"$HYGIE" --version >/dev/null || die "$HYGIE does not run"
hygie_commit="$(git -C "$root" log -1 --format=%h -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null)" ] || hygie_commit="$hygie_commit+dirty"
restic_version="$("$RESTIC" version | awk '{ print $2 }')"

server_port=$(free_port)
proxy_port=$(free_port)
user="$(id -un)"
if [ "$store" = rest ]; then
  rclone serve restic --addr "127.0.0.1:$server_port" --config /dev/null "$RUN/store" 2>"$RUN/rclone.log" &
  pids+=($!)
  wait_port "$server_port" "${pids[-1]}" || die "rclone did not start: $(cat "$RUN/rclone.log")"
else
  d="$RUN/sshd"
  mkdir -p "$RUN/store"
  start_sshd "$d" "$server_port" "$proxy_port"
fi
python3 "$here/latency-proxy.py" "$proxy_port" "$server_port" "$delay" 2>"$RUN/proxy.log" &
pids+=($!)
wait_port "$proxy_port" "${pids[-1]}" || die "the latency proxy did not start: $(cat "$RUN/proxy.log")"

restic_at() {  # restic_at PORT: sets RARGS, restic and its location through PORT (the server's, or the proxy's)
  if [ "$store" = rest ]; then
    RARGS=("$RESTIC" -r "rest:http://127.0.0.1:$1/restic/")
  else
    RARGS=("$RESTIC" -r "sftp:$user@127.0.0.1:$RUN/store/restic" -o "sftp.command=$(sftp_command "$d" "$1")")
  fi
}
hygie_repo() {  # hygie_repo PORT [NAME]: Hygie's repository (NAME, default hygie) through PORT
  local name="${2:-hygie}"
  if [ "$store" = rest ]; then echo "rest:http://127.0.0.1:$1/$name/"; else echo "sftp://$user@127.0.0.1:$1/$RUN/store/$name"; fi
}
note "$(date -u '+%F %T UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
note "restic $restic_version vs Hygie $hygie_commit; $store store, +$delay ms each way; $nights nights first; $runs run(s)"

# The practice's folder: a few files, one of them changed every night (not timed).
src="$RUN/src"
mkdir -p "$src"
head -c 200000 /dev/urandom > "$src/dossier.bin"
restic_at "$server_port"
"${RARGS[@]}" init >/dev/null
"$HYGIE" init --repo "$(hygie_repo "$server_port")" --password-file "$PASSWORD_FILE" >/dev/null
note "making $nights nights in each repository (not timed)"
for n in $(seq "$nights"); do
  echo "night $n" > "$src/journal.txt"
  "${RARGS[@]}" backup "$src" >/dev/null
  "$HYGIE" backup --repo "$(hygie_repo "$server_port")" --password-file "$PASSWORD_FILE" "$src" >/dev/null
done
prime_hygie "$(hygie_repo "$server_port" prime)"
# the local copies start empty, as on a new computer: the first timed round fills them
rm -rf "$RESTIC_CACHE_DIR" "$HYGIE_CACHE_DIR"
far_repo="$(hygie_repo "$proxy_port")"
restic_at "$proxy_port"

# the columns changed on 29 Nov 2026 (store, hygie_nocache_s): older lines are kept aside
[ ! -f "$RESULTS" ] || head -1 "$RESULTS" | grep -q "	store	" || mv "$RESULTS" "$RESULTS.before-2026-11-29"
[ -f "$RESULTS" ] || printf 'date\thygie_commit\trestic_version\tstore\tdelay_ms\tnights\toperation\trestic_s\trestic_cpu_s\trestic_nocache_s\thygie_s\thygie_cpu_s\thygie_nocache_s\tratio\tratio_nocache\tload1\n' > "$RESULTS"
table=()
pair() {  # pair OPERATION ARGS...: the same arguments for both tools
  local op="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  measure "lat-$store-$op-restic" "${RARGS[@]}" "$@"
  local rs=$SECS rcpu=$CPU
  measure "lat-$store-$op-restic-nocache" "${RARGS[@]}" --no-cache "$@"
  local rn=$SECS
  measure "lat-$store-$op-hygie-nocache" "$HYGIE" "$1" --repo "$far_repo" --password-file "$PASSWORD_FILE" \
    --no-cache "${@:2}"
  local hn=$SECS
  measure "lat-$store-$op-hygie" "$HYGIE" "$1" --repo "$far_repo" --password-file "$PASSWORD_FILE" "${@:2}"
  local ratio ration
  ratio=$(awk -v r="$rs" -v h="$SECS" 'BEGIN { printf "%.2f", r / h }')
  ration=$(awk -v r="$rn" -v h="$hn" 'BEGIN { printf "%.2f", r / h }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$hygie_commit" \
    "$restic_version" "$store" "$delay" "$nights" "$op" "$rs" "$rcpu" "$rn" "$SECS" "$CPU" "$hn" "$ratio" "$ration" \
    "$load" >> "$RESULTS"
  table+=("$(printf '%-10s %9s %9s %11s %9s %9s %11s %7s %9s %6s' "$op" "$rs" "$rcpu" "$rn" "$SECS" "$CPU" "$hn" \
    "$ratio" "$ration" "$load")")
}
for r in $(seq "$runs"); do
  pair snapshots snapshots
  pair no-change backup "$src"
done

printf '\n%s nights on a %s store %s ms away each way (round trip >= %s ms); seconds, CPU seconds\n' "$nights" \
  "$store" "$delay" "$((2 * delay))"
printf '%-10s %9s %9s %11s %9s %9s %11s %7s %9s %6s\n' operation restic_s rst_cpu restic_nocache hygie_s hyg_cpu \
  hygie_nocache ratio r_nocache load1
for line in "${table[@]}"; do echo "$line"; done
echo "ratio = restic seconds / Hygie seconds, each with its local cache; r_nocache = the same, both with --no-cache"
echo "appended to $RESULTS"
