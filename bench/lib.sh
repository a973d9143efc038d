# Shared by the benchmark scripts of bench/ (sourced, not run): messages, prerequisites, and timing of one command.
# The sourcing script sets WORK, RESTIC, PRACTICE_DATA and stamp before calling these.

die() { printf '\n\033[1;31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }
note() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# GNU time for wall time, peak RSS and CPU; restic; the data generator; the logs folder.
require_prerequisites() {
  [ -x /usr/bin/time ] || { note "installing GNU time"; apt-get update -q >/dev/null; apt-get install -y -q time >/dev/null; }
  [ -x "$RESTIC" ] || die "restic not found at $RESTIC"
  [ -f "$PRACTICE_DATA" ] || die "data generator not found at $PRACTICE_DATA"
  mkdir -p "$WORK/logs"
}

measure() {  # measure LOGNAME CMD...: runs CMD, sets SECS RSS_KB CPU (user + system seconds)
  local log="$WORK/logs/$stamp-$1.log" tf="$WORK/logs/.time"; shift
  sync
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "command failed: $* (full output in $log)"
  fi
  local user sys
  read -r SECS RSS_KB user sys < <(tail -n 1 "$tf")
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# proc_cpu PID: CPU seconds (user + system) used so far by process PID and its waited-for children (an sshd's
# sessions), from /proc; 0 when it is gone. The difference around a command is what a server spent on it.
proc_cpu() {
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / tck }' \
    "/proc/$1/stat" 2>/dev/null || echo 0
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

wait_port() {  # wait_port PORT PID: until something listens on 127.0.0.1:PORT, at most 15 s
  for _ in $(seq 150); do
    kill -0 "$2" 2>/dev/null || return 1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# prime_hygie REPO: the launcher records the classes of a store's kind (SSH, the S3 SDK, HTTP) the first time each
# command runs on such a store after a build, which makes that run ~1 s longer (docs/BENCHMARKS.md); this does it
# untimed, on a scratch repository REPO of the kind about to be measured: init, a backup of a tiny folder, and the
# same backup again, snapshots, ls. Needs PASSWORD_FILE and HYGIE.
prime_hygie() {
  local tiny; tiny="$(mktemp -d)"
  echo "prime" > "$tiny/file.txt"
  "$HYGIE" init --repo "$1" --password-file "$PASSWORD_FILE" >/dev/null \
    && "$HYGIE" backup --repo "$1" --password-file "$PASSWORD_FILE" "$tiny" >/dev/null \
    && "$HYGIE" snapshots --repo "$1" --password-file "$PASSWORD_FILE" >/dev/null \
    && "$HYGIE" ls --repo "$1" --password-file "$PASSWORD_FILE" latest >/dev/null \
    || die "Hygie could not use the scratch repository $1"
  rm -rf "$tiny"
}

# start_sshd DIR PORT [PORT...]: OpenSSH's sshd on 127.0.0.1, first PORT, with internal-sftp, as a NAS runs it:
# throw-away host and client keys in DIR, known_hosts for every PORT given (a proxy in front of the server has one
# of its own); exports HYGIE_SFTP_KEY and HYGIE_SFTP_KNOWN_HOSTS and adds the server to the caller's pids.
start_sshd() {
  local d="$1" port="$2"
  mkdir -p "$d" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$d/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$d/client_key"
  cp "$d/client_key.pub" "$d/authorized_keys"
  printf '%s\n' "ListenAddress 127.0.0.1" "Port $port" "HostKey $d/host_key" \
    "AuthorizedKeysFile $d/authorized_keys" "PasswordAuthentication no" "KbdInteractiveAuthentication no" \
    "PermitRootLogin prohibit-password" "StrictModes no" "UsePAM no" "PidFile $d/sshd.pid" \
    "Subsystem sftp internal-sftp" > "$d/sshd_config"
  local p
  for p in "${@:2}"; do
    echo "[127.0.0.1]:$p $(cut -d' ' -f1-2 "$d/host_key.pub")"
  done > "$d/known_hosts"
  /usr/sbin/sshd -D -e -f "$d/sshd_config" 2>"$d/sshd.log" &
  pids+=($!)
  wait_port "$port" "${pids[-1]}" || die "sshd did not start: $(cat "$d/sshd.log")"
  export HYGIE_SFTP_KEY="$d/client_key" HYGIE_SFTP_KNOWN_HOSTS="$d/known_hosts"
}

# sftp_command DIR PORT: the ssh command restic's -o sftp.command runs to reach start_sshd's server through PORT.
sftp_command() {
  echo "ssh -F /dev/null -p $2 -i $1/client_key -o IdentitiesOnly=yes -o BatchMode=yes" \
    "-o UserKnownHostsFile=$1/known_hosts -o StrictHostKeyChecking=yes $(id -un)@127.0.0.1 -s sftp"
}
