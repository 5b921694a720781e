#!/usr/bin/env bash
# Builds the benchmarks (Release) and runs them on ../shared/corpus/bulk.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/bulk}
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DRESTAGE_TESTS=OFF >/dev/null
cmake --build build-bench --target restage_bench_parse -j2 >/dev/null
build-bench/bench/restage_bench_parse "$corpus" "${ROUNDS:-5}"
