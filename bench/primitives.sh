#!/usr/bin/env bash
# Single-thread throughput of the primitives that every backup, restore and check runs over each byte, measured with
# JMH on Hygie's own classes (module hygie-bench): a lower bound on the CPU time of those operations.
#
#   bench/primitives.sh [--quick] [--jmh "OPTIONS"] [PATTERN...]
#
#   --quick        a smoke run (-wi 1 -w 1s -i 2 -r 1s): figures too rough to quote.
#   --jmh OPTIONS  JMH options instead of the default `-f 1 -wi 3 -w 2s -i 5 -r 2s -t 1` (one fork, 3 warm-up
#                  and 5 measured iterations of 2 s, one thread); `java -jar hygie-bench/target/benchmarks.jar -h`.
#   PATTERN        only the benchmarks whose name matches (JMH's regular expressions), e.g. Zstd or 'Crypto.*encrypt'.
#
# Builds hygie-bench/target/benchmarks.jar first when it is missing or older than a source of hygie-bench or
# hygie-repository (`mvn -o`, online if that fails). Each benchmark passes over a whole buffer per call: 1 MiB blobs
# (about a restic chunk), either random or made to compress about 2:1 at zstd level 3 (BenchData), and 32 MiB of
# random bytes for the chunker. Rates are per byte of plaintext (uncompressed) data, in GiB/s (2^30 bytes), with
# JMH's 99.9 % error. The forked JVM runs with the `hygie` launcher's options (serial collector, 64 MiB-1 GiB heap).
# Then lower bounds for whole operations, per GiB of file data, r the zstd ratio of the 2:1 buffer: the sum of the
# CPU seconds of the primitives each one must run (file reading, packing, JSON, the network and GC come on top):
#   backup     chunker + SHA-256 (blob id) + zstd + encrypt of 1/r + SHA-256 of the pack (1/r)
#              (random data: zstd is tried, gives nothing, and the blob is stored as it is, r = 1)
#   restore    decryptInto of 1/r + zstd decompression + SHA-256 (each blob's id is checked)
#   check --read-data    the same + SHA-256 of the pack (1/r)
# The machine is shared: note the load average printed (`uptime`), and run when it is lowest.
# Lines are appended to bench/work/primitives-results.tsv; JMH's output is kept in bench/work/logs/.
# Environment: JAVA (default java).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
JAVA="${JAVA:-java}"
WORK="$here/work"
RESULTS="$WORK/primitives-results.tsv"
jar="$root/hygie-bench/target/benchmarks.jar"

jmh_opts="-f 1 -wi 3 -w 2s -i 5 -r 2s -t 1"
patterns=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) jmh_opts="-f 1 -wi 1 -w 1s -i 2 -r 1s -t 1"; shift ;;
    --jmh) jmh_opts="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    *) patterns+=("$1"); shift ;;
  esac
done

note() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# Build when needed: the same test as the hygie launcher's, on the sources the benchmarks run.
if [ ! -f "$jar" ] || [ "$root/pom.xml" -nt "$jar" ] || [ -n "$(find "$root/hygie-bench" "$root/hygie-repository" \
     -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -path '*src/main*' -newer "$jar" -print \
     -quit 2>/dev/null)" ] || [ "$root/hygie-bench/pom.xml" -nt "$jar" ] || [ "$root/hygie-repository/pom.xml" -nt "$jar" ]; then
  note "building hygie-bench/target/benchmarks.jar"
  (cd "$root" && { mvn -B -q -o -pl hygie-bench -am package -DskipTests \
                   || { note "offline build failed, trying online"; mvn -B -q -pl hygie-bench -am package -DskipTests; }; } >&2) \
    || die "build failed"
fi

mkdir -p "$WORK/logs"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
log="$WORK/logs/$stamp-primitives.log"
csv="$(mktemp)"
trap 'rm -f "$csv"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
ratio="$("$JAVA" -cp "$jar" org.hygie.bench.BenchData | awk '$1 == "compressible" { print $2 }')"

note "JMH $jmh_opts ${patterns[*]:-(all)} (load $load_before; output in $log)"
# shellcheck disable=SC2086 # the options are words
"$JAVA" -jar "$jar" $jmh_opts -rf csv -rff "$csv" "${patterns[@]}" >"$log" 2>&1 \
  || { tail -n 30 "$log" >&2; die "JMH failed (full output in $log)"; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"; with
# @OperationsPerInvocation an operation is a byte, so a score in ops/s is bytes per second.
awk -F, -v ratio="$ratio" -v stamp="$stamp" -v commit="$commit" -v load="$load_before / $load_after" \
    -v results="$RESULTS" -v header="$([ -s "$RESULTS" ] && echo 0 || echo 1)" '
  function label(name) {
    if (name == "Sha256Benchmark.sha256") return "SHA-256 (Id.hash: JDK MessageDigest)"
    if (name == "CryptoBenchmark.encrypt") return "encrypt: AES-256-CTR + Poly1305-AES (CryptoKey.encrypt)"
    if (name == "CryptoBenchmark.decrypt") return "decrypt: MAC check + AES-256-CTR (CryptoKey.decrypt)"
    if (name == "CryptoBenchmark.decryptInto") return "decrypt into a buffer (CryptoKey.decryptInto)"
    if (name == "Poly1305MacBenchmark.poly1305") return "Poly1305 alone (crypto.Poly1305.mac)"
    if (name == "ZstdBenchmark.compressCompressible") return "zstd level 3, 2:1 data (ZstdCodec.compress)"
    if (name == "ZstdBenchmark.compressRandom") return "zstd level 3, random data (ZstdCodec.compress)"
    if (name == "ZstdBenchmark.decompressCompressible") return "zstd decompression, 2:1 data (decompressInto)"
    if (name == "ChunkerBenchmark.chunk") return "chunker: Rabin CDC, random data (Chunker)"
    return name
  }
  function line(what, secs) { printf "%-58s %7.2f  %7.2f\n", what, 1 / secs, secs }
  NR == 1 { next }
  {
    gsub(/"/, "")
    n = split($1, parts, ".")
    name = parts[n - 1] "." parts[n]
    rate[name] = $5 / 1073741824
    err[name] = ($6 == "NaN") ? -1 : $6 / 1073741824
    count++
  }
  END {
    if (count == 0) { print "no results" > "/dev/stderr"; exit 1 }
    # in the order a blob meets them; benchmarks not named here (new ones) at the end
    m = split("Sha256Benchmark.sha256 CryptoBenchmark.encrypt CryptoBenchmark.decrypt CryptoBenchmark.decryptInto " \
      "Poly1305MacBenchmark.poly1305 ZstdBenchmark.compressCompressible ZstdBenchmark.compressRandom " \
      "ZstdBenchmark.decompressCompressible ChunkerBenchmark.chunk", known, " ")
    count = 0
    for (i = 1; i <= m; i++) { if (known[i] in rate) { order[++count] = known[i]; listed[known[i]] = 1 } }
    for (name in rate) { if (!(name in listed)) order[++count] = name }
    printf "%-58s %7s  %7s\n", "primitive (one thread, 1 MiB blobs; chunker 32 MiB)", "GiB/s", "±99.9%"
    for (i = 1; i <= count; i++) {
      printf "%-58s %7.2f  %7s\n", label(order[i]), rate[order[i]], \
        err[order[i]] < 0 ? "n/a" : sprintf("%.2f", err[order[i]])
    }
    if (header) {
      print "date\tcommit\tbenchmark\tGiB/s\terror GiB/s\tload before / after\tzstd ratio" > results
    }
    for (i = 1; i <= count; i++) {
      printf "%s\t%s\t%s\t%.3f\t%s\t%s\t%s\n", stamp, commit, order[i], rate[order[i]], \
        err[order[i]] < 0 ? "NaN" : sprintf("%.3f", err[order[i]]), load, ratio >> results
    }
    c = "ChunkerBenchmark.chunk"; h = "Sha256Benchmark.sha256"; e = "CryptoBenchmark.encrypt"
    d = "CryptoBenchmark.decryptInto"; zc = "ZstdBenchmark.compressCompressible"
    zr = "ZstdBenchmark.compressRandom"; zd = "ZstdBenchmark.decompressCompressible"
    if (!(c in rate && h in rate && e in rate && d in rate && zc in rate && zr in rate && zd in rate)) exit 0
    printf "\n%-58s %7s  %7s\n", sprintf("lower bound of an operation (sum of the above; r = %.2f)", ratio), \
      "GiB/s", "CPU s/GiB"
    line("backup, 2:1 data", 1 / rate[c] + 1 / rate[h] + 1 / rate[zc] + (1 / rate[e] + 1 / rate[h]) / ratio)
    line("backup, random data (stored uncompressed)", 1 / rate[c] + 1 / rate[h] + 1 / rate[zr] + 1 / rate[e] + 1 / rate[h])
    line("restore, 2:1 data", 1 / (ratio * rate[d]) + 1 / rate[zd] + 1 / rate[h])
    line("restore, random data", 1 / rate[d] + 1 / rate[h])
    line("check --read-data, 2:1 data", 1 / (ratio * rate[d]) + 1 / rate[zd] + 1 / rate[h] + 1 / (ratio * rate[h]))
    line("check --read-data, random data", 1 / rate[d] + 2 / rate[h])
  }' "$csv"
printf '\n(load average before %s, after %s; %s %s; commit %s)\n' "$load_before" "$load_after" \
  "$("$JAVA" -version 2>&1 | head -n 1)" "$jmh_opts" "$commit"
