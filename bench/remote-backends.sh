#!/usr/bin/env bash
# Backup to remote storage on loopback, Hygie against restic 0.14: SFTP (OpenSSH's sshd) and REST
# (rclone serve restic), the same data set and the same servers for both tools.
#
#   bench/remote-backends.sh [--scale S] [--runs N] [local|sftp|rest|all]
#
#   --scale S   size of the data set (practice-data.py --scale; 1 is about 1.6 GiB). Default 0.2.
#   --runs N    measure each backup N times (each time restic then Hygie, each into a new repository).
#   backend     local, sftp, rest or all (default all). local (a folder on the same disk) is the baseline
#               that tells what the network backends add to each tool.
#
# Servers are started by this script on 127.0.0.1 and random ports, and stopped when it ends:
#   - sftp: /usr/sbin/sshd (package openssh-server, installed if missing) with a throw-away host key,
#     a throw-away client key, and the internal-sftp subsystem. restic reaches it through the ssh
#     binary (-o sftp.command=...), Hygie through MINA SSHD with HYGIE_SFTP_KEY/HYGIE_SFTP_KNOWN_HOSTS.
#     Both check the host key against the same known_hosts file.
#   - rest: rclone serve restic (package rclone).
# Timed (`init` is not): the first backup into an empty repository, then a second one with nothing changed
# (rows named BACKEND-again: the parent snapshot's trees are read back), and for sftp a third after a day's changes
# (sftp-day1: practice-data.py mutate --day 1 on a copy of the data, the usual night), under
# `/usr/bin/time -f '%e %M %U %S'`, JVM start-up included. The servers' own CPU is not in the figures
# (they run beside, on the same 2 cores).
#
#   ratio = restic seconds / Hygie seconds   (> 1: Hygie is faster)
#
# One line per measurement is appended to bench/work/remote-results.tsv; the data set is kept in
# bench/work/data/sS (shared with bench/compare.sh), repositories are removed after each run.
# Environment: RESTIC, HYGIE, PRACTICE_DATA, HYGIE_JAVA_OPTS as for bench/compare.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
RESTIC="${RESTIC:-/usr/bin/restic}"
HYGIE="${HYGIE:-$root/hygie}"
PRACTICE_DATA="${PRACTICE_DATA:-/work/shared/bench/practice-data.py}"
WORK="$here/work"
RESULTS="$WORK/remote-results.tsv"

scale=0.2
runs=1
which=all
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    local|sftp|rest|all) which="$1"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

need=()
[ -x /usr/bin/time ] || need+=(time)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v rclone >/dev/null 2>&1 || need+=(rclone)
if [ ${#need[@]} -gt 0 ]; then
  note "installing ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi
[ -x "$RESTIC" ] || die "restic not found at $RESTIC"
[ -f "$PRACTICE_DATA" ] || die "data generator not found at $PRACTICE_DATA"
mkdir -p "$WORK/logs"
RUN="$(mktemp -d "$WORK/remote.XXXXXX")"   # servers, keys and repositories of this run

PASSWORD_FILE="$WORK/password"
[ -f "$PASSWORD_FILE" ] || (umask 077; echo "benchmark-password" > "$PASSWORD_FILE")
export RESTIC_PASSWORD; RESTIC_PASSWORD="$(cat "$PASSWORD_FILE")"
export RESTIC_CACHE_DIR="$RUN/restic-cache" HYGIE_CACHE_DIR="$RUN/hygie-cache"
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$RUN"
}
trap cleanup EXIT

note "building Hygie if needed"
"$HYGIE" --version >/dev/null || die "$HYGIE does not run"
hygie_commit="$(git -C "$root" log -1 --format=%h -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain -- . ':(exclude)bench' ':(exclude)docs' 2>/dev/null)" ] || hygie_commit="$hygie_commit+dirty"
restic_version="$("$RESTIC" version | awk '{ print $2 }')"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
note "$(date -u '+%F %T UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
note "restic $restic_version vs Hygie $hygie_commit, scale $scale, $which, $runs run(s)"

DATA="$WORK/data/s$scale"
if [ ! -f "$DATA/.complete" ]; then
  note "generating data at scale $scale in $DATA (not timed)"
  rm -rf "$DATA.tmp" "$DATA"
  python3 "$PRACTICE_DATA" make "$DATA.tmp" --scale "$scale"
  mv "$DATA.tmp" "$DATA"
  touch "$DATA/.complete"
fi
data_bytes=$(du -sb "$DATA" | awk '{ print $1 }')




[ -f "$RESULTS" ] || printf 'date\thygie_commit\trestic_version\tscale\tbackend\trestic_s\trestic_rss_kib\trestic_cpu_s\thygie_s\thygie_rss_kib\thygie_cpu_s\tratio\tload1\n' > "$RESULTS"
table=()
record() {  # record BACKEND R_S R_KB R_CPU H_S H_KB H_CPU LOAD
  local ratio
  ratio=$(awk -v r="$2" -v h="$5" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$hygie_commit" "$restic_version" "$scale" \
    "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$ratio" "$8" >> "$RESULTS"
  table+=("$(printf '%-11s %9s %9s %9s %9s %9s %9s %7s %6s' "$1" "$2" "$(($3 / 1024))" "$4" "$5" "$(($6 / 1024))" "$7" \
    "$ratio" "$8")")
  printf '   %s: restic %ss, hygie %ss -> ratio %s\n' "$1" "$2" "$5" "$ratio" >&2
}

# ---------------------------------------------------------------------------------------------
# local: the same backup into a folder, the baseline
# ---------------------------------------------------------------------------------------------
bench_local() {
  local d="$RUN/local"
  mkdir -p "$d"
  for i in $(seq "$runs"); do
    "$RESTIC" -r "$d/restic-$i" init >/dev/null
    "$HYGIE" init --repo "$d/hygie-$i" --password-file "$PASSWORD_FILE" >/dev/null
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    measure "local-restic-$i" "$RESTIC" -r "$d/restic-$i" backup "$DATA"
    local rs=$SECS rkb=$RSS_KB rcpu=$CPU
    measure "local-hygie-$i" "$HYGIE" backup --repo "$d/hygie-$i" --password-file "$PASSWORD_FILE" "$DATA"
    record local "$rs" "$rkb" "$rcpu" "$SECS" "$RSS_KB" "$CPU" "$load"
    load=$(cut -d' ' -f1 /proc/loadavg)
    measure "local-restic-again-$i" "$RESTIC" -r "$d/restic-$i" backup "$DATA"
    rs=$SECS rkb=$RSS_KB rcpu=$CPU
    measure "local-hygie-again-$i" "$HYGIE" backup --repo "$d/hygie-$i" --password-file "$PASSWORD_FILE" "$DATA"
    record local-again "$rs" "$rkb" "$rcpu" "$SECS" "$RSS_KB" "$CPU" "$load"
    rm -rf "$d/restic-$i" "$d/hygie-$i"
  done
}

# ---------------------------------------------------------------------------------------------
# SFTP: OpenSSH's sshd on loopback, as a NAS runs it
# ---------------------------------------------------------------------------------------------
bench_sftp() {
  local d="$RUN/sshd" port
  port=$(free_port)
  start_sshd "$d" "$port"
  mkdir -p "$d/root"
  local user; user="$(id -un)"
  local sshcmd; sshcmd="$(sftp_command "$d" "$port")"
  prime_hygie "sftp://$user@127.0.0.1:$port/$d/root/prime"
  local src="$RUN/sftp-data"
  # sftp_pair ROW TAG: restic's backup of $src then Hygie's (run $i, repositories $rrepo, $hrepo), recorded as ROW
  sftp_pair() {
    local load rs rkb rcpu
    load=$(cut -d' ' -f1 /proc/loadavg)
    measure "sftp-restic$2-$i" "$RESTIC" -r "sftp:$user@127.0.0.1:$rrepo" -o sftp.command="$sshcmd" backup "$src"
    rs=$SECS rkb=$RSS_KB rcpu=$CPU
    measure "sftp-hygie$2-$i" "$HYGIE" backup --repo "sftp://$user@127.0.0.1:$port/$hrepo" \
      --password-file "$PASSWORD_FILE" "$src"
    record "$1" "$rs" "$rkb" "$rcpu" "$SECS" "$RSS_KB" "$CPU" "$load"
  }
  for i in $(seq "$runs"); do
    local rrepo="$d/root/restic-$i" hrepo="$d/root/hygie-$i"
    rm -rf "$src"; cp -a "$DATA" "$src"; rm -f "$src/.complete"; sync   # a copy that day 1 changes (not timed)
    "$RESTIC" -r "sftp:$user@127.0.0.1:$rrepo" -o sftp.command="$sshcmd" init >/dev/null
    "$HYGIE" init --repo "sftp://$user@127.0.0.1:$port/$hrepo" --password-file "$PASSWORD_FILE" >/dev/null
    sftp_pair sftp ""
    sftp_pair sftp-again -again
    python3 "$PRACTICE_DATA" mutate "$src" --day 1; sync   # the nightly case: a day's changes (not timed)
    sftp_pair sftp-day1 -day1
    note "sizes: restic $(du -sh "$rrepo" | cut -f1), hygie $(du -sh "$hrepo" | cut -f1)"
    rm -rf "$rrepo" "$hrepo"
  done
}

# ---------------------------------------------------------------------------------------------
# REST: rclone serve restic on loopback
# ---------------------------------------------------------------------------------------------
bench_rest() {
  local d="$RUN/rest" port
  mkdir -p "$d/root"
  port=$(free_port)
  rclone serve restic --addr "127.0.0.1:$port" --config /dev/null "$d/root" 2>"$d/rclone.log" &
  pids+=($!)
  wait_port "$port" "${pids[-1]}" || die "rclone did not start: $(cat "$d/rclone.log")"
  prime_hygie "rest:http://127.0.0.1:$port/prime/"
  for i in $(seq "$runs"); do
    local rrepo="rest:http://127.0.0.1:$port/restic-$i/" hrepo="rest:http://127.0.0.1:$port/hygie-$i/"
    "$RESTIC" -r "$rrepo" init >/dev/null
    "$HYGIE" init --repo "$hrepo" --password-file "$PASSWORD_FILE" >/dev/null
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    measure "rest-restic-$i" "$RESTIC" -r "$rrepo" backup "$DATA"
    local rs=$SECS rkb=$RSS_KB rcpu=$CPU
    measure "rest-hygie-$i" "$HYGIE" backup --repo "$hrepo" --password-file "$PASSWORD_FILE" "$DATA"
    record rest "$rs" "$rkb" "$rcpu" "$SECS" "$RSS_KB" "$CPU" "$load"
    load=$(cut -d' ' -f1 /proc/loadavg)
    measure "rest-restic-again-$i" "$RESTIC" -r "$rrepo" backup "$DATA"
    rs=$SECS rkb=$RSS_KB rcpu=$CPU
    measure "rest-hygie-again-$i" "$HYGIE" backup --repo "$hrepo" --password-file "$PASSWORD_FILE" "$DATA"
    record rest-again "$rs" "$rkb" "$rcpu" "$SECS" "$RSS_KB" "$CPU" "$load"
    note "sizes: restic $(du -sh "$d/root/restic-$i" | cut -f1), hygie $(du -sh "$d/root/hygie-$i" | cut -f1)"
    rm -rf "$d/root/restic-$i" "$d/root/hygie-$i"
  done
}

note "data: $DATA, $((data_bytes / 1048576)) MiB"
case "$which" in
  local) bench_local ;;
  sftp) bench_sftp ;;
  rest) bench_rest ;;
  all) bench_local; bench_sftp; bench_rest ;;
esac

printf '\nbackup of %s MiB (scale %s), loopback: first backup into an empty repository, then again with nothing changed\n%s\n' \
  "$((data_bytes / 1048576))" "$scale" "(-again), then (sftp) after practice-data.py mutate --day 1 (-day1)"
printf '%-11s %9s %9s %9s %9s %9s %9s %7s %6s\n' backend restic_s rst_MiB rst_cpu hygie_s hyg_MiB hyg_cpu ratio load1
for line in "${table[@]}"; do echo "$line"; done
