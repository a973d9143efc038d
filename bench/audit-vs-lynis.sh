#!/usr/bin/env bash
# Times `./hygie audit --json` against `lynis audit system --quick` on this machine and compares the points both
# check (firewall, pending security updates, automatic updates, antivirus, time sync). A manual run, not CI:
# it installs Lynis from the OS packages when missing (needs root) and takes minutes.
# Usage: bench/audit-vs-lynis.sh [RUNS]   (RUNS of hygie, default 5; Lynis runs once)
#        bench/audit-vs-lynis.sh --compare-only   (compare the outputs of the last run again)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/work/audit-vs-lynis"
runs="${1:-5}"
mkdir -p "$work"
compare_only=false
if [ "$runs" = "--compare-only" ]; then compare_only=true; fi

if ! $compare_only; then
if ! command -v lynis >/dev/null 2>&1; then
  echo "installing lynis from the OS packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq lynis >/dev/null
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

(cd "$root" && ./hygie --version >/dev/null)   # build once, outside the timing
jar="$root/hygie-cli/target/hygie.jar"

best=""; total=0
for i in $(seq 1 "$runs"); do
  t0=$(now)
  java -jar "$jar" audit --json --state-dir "$work/state" > "$work/hygie.json" || true
  t1=$(now)
  s=$(secs "$t0" "$t1"); total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
  if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
done
mean=$(awk -v a="$total" -v n="$runs" 'BEGIN { printf "%.2f", a / n }')

t0=$(now)
lynis audit system --quick --no-colors --logfile "$work/lynis.log" --report-file "$work/lynis-report.dat" \
  > "$work/lynis.out" 2>&1 || true
t1=$(now)
lynis_s=$(secs "$t0" "$t1")
fi

fact() { python3 -c "import json,sys; d=json.load(open('$work/hygie.json')); f={x['id']:x for x in d['facts']}; x=f.get('$1'); print('n/a' if x is None else (x['value'] if x['value'] is not None else x['status']))"; }
status() { python3 -c "import json; d=json.load(open('$work/hygie.json')); print(next(r['status'] for r in d['results'] if r['rule']=='$1'))"; }
lyn() { grep -E "^$1=" "$work/lynis-report.dat" | cut -d= -f2- | paste -sd, - || true; }

echo "machine: $(. /etc/os-release; echo "$PRETTY_NAME"), $(nproc) cores, $(uname -r)"
if ! $compare_only; then
  echo "hygie audit --json: best ${best} s, mean ${mean} s over ${runs} runs (JVM start included)"
  echo "lynis audit system --quick: ${lynis_s} s ($(lynis --version 2>/dev/null | head -1))"
  awk -v h="$mean" -v l="$lynis_s" 'BEGIN { if (h > 0) printf "ratio lynis / hygie (mean): %.0f x\n", l / h }'
fi
echo
row() { printf "%-25s %-42s %s\n" "$1" "$2" "$3"; }
sugg() { grep -q "^suggestion\[\]=$1|" "$work/lynis-report.dat" && echo "suggestion $1" || echo "no $1 suggestion"; }
row "point" "hygie" "lynis"
row "firewall" "$(status firewall) (enabled=$(fact firewall.enabled))" "firewall_active=$(lyn firewall_active) software=$(lyn 'firewall_software\[\]')"
row "pending security updates" "$(status os-pending-updates) ($(fact updates.pending_security) pending)" "vulnerable_packages_found=$(lyn vulnerable_packages_found)"
row "automatic updates" "$(status os-auto-updates) (mode=$(fact updates.auto_mode))" "$(sugg PKGS-7420)"
row "antivirus" "$(status antivirus) (present=$(fact av.present))" "malware_scanner_installed=$(lyn malware_scanner_installed)"
row "time sync" "$(status time-sync) (enabled=$(fact time.sync_enabled))" "ntp_daemon_running=$(lyn ntp_daemon_running)"
row "overall" "score $(python3 -c "import json; print(json.load(open('$work/hygie.json'))['overall']['score'])")/100" "hardening_index=$(lyn hardening_index)"
echo
echo "outputs kept in $work"
