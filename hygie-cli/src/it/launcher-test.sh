#!/usr/bin/env bash
# The ./hygie launcher as a user runs it, once the jar is packaged (run by Maven in hygie-cli's integration-test
# phase; `-DskipTests` skips it):
#   launcher-test.sh ROOT
# - it starts, answers --version, and a command's --json output on a folder is clean JSON;
# - it runs where the temporary folder cannot hold the native code of zstd-jni and sqlite-jdbc (the jar alone says so in
#   a sentence);
# - on a REST store (`rclone serve restic`, from the OS packages as in .ci/run): a first command that fails leaves no
#   class archive and keeps its exit code; the first `snapshots --json` that succeeds leaves the archive of its kind
#   and its standard output is still clean JSON; the next one starts with that archive mapped (-Xshare:on makes the
#   JVM refuse to start if it cannot be used).
set -euo pipefail
root="$1"
hygie="$root/hygie"
target="$root/hygie-cli/target"
fail() { echo "launcher-test: FAILED: $*" >&2; exit 1; }
command -v rclone >/dev/null || fail "rclone is needed (apt-get install rclone; .ci/run installs it)"

tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
(umask 077; echo "mot de passe du test" > "$tmp/pw"; echo "pas le bon" > "$tmp/wrong")
mkdir -p "$tmp/src"; echo "compte rendu" > "$tmp/src/cr.txt"
export HYGIE_CACHE_DIR="$tmp/cache"
unset HYGIE_REPOSITORY HYGIE_PASSWORD HYGIE_PASSWORD_FILE HYGIE_JAVA_OPTS HYGIE_CDS

"$hygie" --version | grep -q '^hygie ' || fail "--version"
# through a symbolic link elsewhere (~/bin, /usr/local/bin): the program is found beside the real script
mkdir -p "$tmp/bin" && ln -s "$(cd "$root" && pwd)/hygie" "$tmp/bin/hygie"
(cd "$tmp" && "$tmp/bin/hygie" --version 2>&1) | grep -q '^hygie ' || fail "--version through a symbolic link"

# a folder: no archive of a store's kind, clean JSON
"$hygie" init --repo "$tmp/disk" --password-file "$tmp/pw" >/dev/null
"$hygie" backup --repo "$tmp/disk" --password-file "$tmp/pw" "$tmp/src" >/dev/null
"$hygie" snapshots --repo "$tmp/disk" --password-file "$tmp/pw" --json > "$tmp/out.json"
python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))) == 1' "$tmp/out.json" || fail "folder JSON"

# a temporary folder where nothing can be created (as unusable to zstd-jni and sqlite-jdbc as one mounted noexec): the
# launcher gives them their native code, taken out of the jar beside it, so commands still run; the jar run without the
# launcher says in one sentence what could not be loaded, without a stack trace, exit 1
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64|Linux/aarch64)
    HYGIE_JAVA_OPTS="-XX:+UseSerialGC -Djava.io.tmpdir=$tmp/no-such-dir" \
      "$hygie" check --repo "$tmp/disk" --password-file "$tmp/pw" --read-data >/dev/null 2>"$tmp/check.err" \
      || fail "with an unusable temporary folder, through the launcher: $(cat "$tmp/check.err")"
    [ -x "$target/native/libzstd-jni.so" ] || fail "no native library beside the jar"
    # the journal's database (sqlite-jdbc, native code too), through `hygie status` on a practice of one folder
    printf '%s\n' "practice: Cabinet du test" "sources:" "  - path: $tmp/src" "media:" "  - name: disque" \
      "    repo: $tmp/disk" 'schedule: "02:30"' "password-file: $tmp/pw" > "$tmp/hygie.yaml"
    rc=0
    HYGIE_JAVA_OPTS="-XX:+UseSerialGC -Djava.io.tmpdir=$tmp/no-such-dir" \
      "$hygie" status --config "$tmp/hygie.yaml" --json > "$tmp/status.json" 2>"$tmp/status.err" || rc=$?
    { [ "$rc" = 0 ] || [ "$rc" = 3 ]; } \
      || fail "status with an unusable temporary folder: exit $rc: $(head -c 400 "$tmp/status.err")"
    python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["practice"] == "Cabinet du test"' \
      "$tmp/status.json" || fail "status JSON: $(head -c 300 "$tmp/status.json")"
    [ -s "$tmp/journal.db" ] || fail "no journal beside the configuration"
    # the nightly duty through the launcher: it runs, and leaves the class archive of its own for the next nights
    rc=0
    "$hygie" run --config "$tmp/hygie.yaml" > "$tmp/run.out" 2>&1 || rc=$?
    { [ "$rc" = 0 ] || [ "$rc" = 3 ]; } || fail "run: exit $rc: $(tail -c 400 "$tmp/run.out")"
    [ -s "$target/hygie-run.jsa" ] || fail "no class archive after the first run"
    # the nightly schedule starts this launcher (the night gets a backup's options and the class archives)
    "$hygie" schedule --print install --config "$tmp/hygie.yaml" > "$tmp/unit" 2>&1 \
      || fail "schedule --print install: $(head -c 400 "$tmp/unit")"
    grep -qx "ExecStart=$(cd "$root" && pwd)/hygie run --if-due --config $tmp/hygie.yaml" "$tmp/unit" \
      || fail "the night does not start the launcher: $(grep ExecStart "$tmp/unit")"
    "$tmp/bin/hygie" schedule --print install --config "$tmp/hygie.yaml" 2>&1 \
      | grep -qx "ExecStart=$(cd "$root" && pwd)/hygie run --if-due --config $tmp/hygie.yaml" \
      || fail "through a symbolic link, the night does not start the real launcher"
    rc=0
    java -Djava.io.tmpdir="$tmp/no-such-dir" -DZstdNativePath="$target/native/libzstd-jni.so" -jar "$target/hygie.jar" \
      --lang en status --config "$tmp/hygie.yaml" >/dev/null 2>"$tmp/direct-status.err" || rc=$?
    [ "$rc" = 1 ] && grep -q '^hygie: a part of the program could not be loaded' "$tmp/direct-status.err" \
      || fail "status from the jar alone, SQLite's native code missing: exit $rc: $(head -c 400 "$tmp/direct-status.err")"
    rc=0
    java -Djava.io.tmpdir="$tmp/no-such-dir" -jar "$target/hygie.jar" --lang en snapshots --repo "$tmp/disk" \
      --password-file "$tmp/pw" >/dev/null 2>"$tmp/direct.err" || rc=$?
    [ "$rc" = 1 ] || fail "the jar alone with an unusable temporary folder: exit $rc, not 1"
    grep -q '^hygie: a part of the program could not be loaded' "$tmp/direct.err" \
      || fail "the jar alone with an unusable temporary folder said: $(head -c 400 "$tmp/direct.err")"
    if grep -q $'^\tat ' "$tmp/direct.err"; then fail "a stack trace: $(head -c 400 "$tmp/direct.err")"; fi
    ;;
esac

# a REST store
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
rclone serve restic --addr "127.0.0.1:$port" --config /dev/null "$tmp/store" 2>"$tmp/rclone.log" &
server=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
repo="rest:http://127.0.0.1:$port/cabinet/"
rm -f "$target"/hygie-rest-*.jsa
"$hygie" init --repo "$repo" --password-file "$tmp/pw" >/dev/null
[ -f "$target/hygie-rest-init.jsa" ] || fail "no archive after the first init on a REST store"

rc=0
"$hygie" snapshots --repo="$repo" --password-file "$tmp/wrong" > /dev/null 2>&1 || rc=$?
[ "$rc" = 12 ] || fail "wrong password: exit $rc, not 12"
[ ! -e "$target/hygie-rest-snapshots.jsa" ] || fail "a failed first run left an archive"
ls "$target" | grep -q 'hygie-rest-snapshots.jsa\.' && fail "a failed first run left its temporary archive"

"$hygie" backup -r "$repo" --password-file "$tmp/pw" "$tmp/src" >/dev/null
"$hygie" snapshots --repo "$repo" --password-file "$tmp/pw" --json > "$tmp/first.json"
python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))) == 1' "$tmp/first.json" \
  || fail "the recording run's output is not clean JSON: $(head -c 300 "$tmp/first.json")"
[ -s "$target/hygie-rest-snapshots.jsa" ] || fail "no archive after the first snapshots on a REST store"

HYGIE_JAVA_OPTS="-XX:+UseSerialGC -Xshare:on" "$hygie" snapshots --repo "$repo" --password-file "$tmp/pw" --json \
  > "$tmp/second.json" || fail "the JVM could not start with the archive of its kind mapped"
cmp -s "$tmp/first.json" "$tmp/second.json" || fail "the second run says something else"
echo "launcher-test: ok"
