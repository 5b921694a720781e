#!/usr/bin/env bash
# scan.sh: `restage scan --check` over the bulk corpus and a generated 10,000-file monorepo,
# and one file end to end: wall time, files per second, peak RSS (GNU time -v). The default
# build type (RelWithDebInfo: -O2 -g, as shipped) in build-bench-scan/; the monorepo is generated
# into build-bench-scan/monorepo (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/bulk}
files=${FILES:-10000}
cmake -S . -B build-bench-scan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESTAGE_TESTS=OFF >/dev/null
cmake --build build-bench-scan --target restage -j2 >/dev/null
bin=$PWD/build-bench-scan/restage
mono=$PWD/build-bench-scan/monorepo
CORPUS=$corpus python3 bench/gen_monorepo.py "$mono" "$files" >/dev/null

# measure NAME FILES ARGS...: one run of restage under /usr/bin/time -v.
measure() {
    local name=$1 count=$2 log
    shift 2
    log=$(mktemp)
    /usr/bin/time -v "$bin" "$@" >/dev/null 2>"$log" || true
    local wall rss secs cpu
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")
    secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
    awk -v n="$name" -v c="$count" -v s="$secs" -v u="$cpu" -v r="$rss" \
        'BEGIN { printf "| %s | %d | %.2f s | %.0f | %.2f s | %.0f | %.1f MB |\n", n, c, s, (s > 0 ? c / s : 0), u, (u > 0 ? c / u : 0), r / 1024 }'
    rm -f "$log"
}

echo "| run | files | wall | files/s | CPU (user+sys) | files per CPU-second | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|"
measure "corpus (scan --check FILES)" "$(ls "$corpus" | wc -l)" scan --check "$corpus"/*
measure "monorepo (scan --check DIR)" "$files" scan --check "$mono"

# One file end to end (process start, parse, detect, rewrite, print), the mean of 200 runs.
one=golden/go/tutorial-go-build
start=$(date +%s%N)
for _ in $(seq 200); do "$bin" --context "$one/context" "$one/Dockerfile" >/dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN { printf "one file end to end: %.2f ms\n", ns / 200 / 1e6 }'
