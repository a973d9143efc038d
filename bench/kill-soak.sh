#!/usr/bin/env bash
# Soak test, outside CI: kill -9 `hygie backup` at random moments, many times, and check after each kill that
# restic accepts the repository; at the end, a full backup, restic check --read-data, and every snapshot
# restored and compared with the source.
#   bench/kill-soak.sh [ROUNDS] [DATA_DIR]     (default 50 rounds; data made by practice-data.py at scale 0.1)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-50}
work="$here/bench/work/soak"
data=${2:-$work/data}
mkdir -p "$work"
if [ ! -d "$data" ]; then
  python3 "$here/../shared/bench/practice-data.py" make "$data" --scale 0.1
fi
repo="$work/repo"; rm -rf "$repo" "$work/restore"
printf 'soak-password\n' > "$work/pw"; chmod 600 "$work/pw"
export HYGIE_REPOSITORY="$repo" HYGIE_PASSWORD_FILE="$work/pw" RESTIC_PASSWORD=soak-password
"$here/hygie" init >/dev/null
for i in $(seq 1 "$rounds"); do
  "$here/hygie" backup --force "$data" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.3, 4.0), 2))')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! restic -r "$repo" --no-cache check >/dev/null 2>&1; then
    echo "round $i: restic check FAILED"; restic -r "$repo" --no-cache check; exit 1
  fi
  echo "round $i: killed, repository valid ($(find "$repo/data" -type f | wc -l) packs)"
done
"$here/hygie" backup --force "$data"
restic -r "$repo" --no-cache check --read-data
for id in $("$here/hygie" snapshots --json | python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)))'); do
  rm -rf "$work/restore"
  "$here/hygie" restore "$id" --target "$work/restore" >/dev/null
  diff -r "$data" "$work/restore$data" >/dev/null || { echo "snapshot $id differs from the source"; exit 1; }
  echo "snapshot ${id:0:8} restores identical"
done
echo "soak passed: $rounds kills"
