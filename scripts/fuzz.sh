#!/usr/bin/env bash
# fuzz.sh [SECONDS]: build the libFuzzer targets in build-fuzz/ (clang), replay the saved
# regressions, then fuzz each target for SECONDS (default 20), one at a time.
#
# Prints one line per target, "fuzz_parse: N execs, cov C, OK|CRASH", then "fuzz: N passed,
# N failed" (one test per target). A crash, timeout or leak fails its target: the input is
# copied into fuzz/regressions/<target>/ (committed; replayed first on every later run) and
# the script exits non-zero. Corpora grow in build-fuzz/corpus/<target>/ from run to run;
# an empty one starts as the seeds (fuzz/seeds.sh) minimized with -merge=1.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
dir=build-fuzz
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [SECONDS]" >&2
    exit 2
fi

fail_all() {
    echo "fuzz: $1" >&2
    echo "fuzz: 0 passed, 1 failed"
    exit 1
}

command -v clang++ >/dev/null 2>&1 || fail_all "clang++ not found (Debian: clang, libclang-rt-14-dev)"
generator=()
if [[ ! -f "$dir/CMakeCache.txt" ]] && command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
CC=clang CXX=clang++ cmake -S . -B "$dir" "${generator[@]}" -DRESTAGE_FUZZ=ON -DRESTAGE_TESTS=OFF >/dev/null ||
    fail_all "configure failed (is libclang-rt-14-dev installed?)"
cmake --build "$dir" -j2 --target fuzz_all || fail_all "build failed"
bash fuzz/seeds.sh "$dir/seeds" || fail_all "seeds failed"

# Each target's seed folders (fuzz/seeds.sh says what each holds).
seeds_of() {
    case $1 in
        fuzz_rewrite) echo "$dir/seeds/rewrite $dir/seeds/dockerfiles" ;;
        fuzz_diff) echo "$dir/seeds/diff" ;;
        *) echo "$dir/seeds/dockerfiles" ;;
    esac
}

# test.sh's sanitizer options are kept; a report must stop the run for libFuzzer to save it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}halt_on_error=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"
limits=(-timeout=5 -rss_limit_mb=2048)
passed=0
failed=0

for target in fuzz_parse fuzz_fmt fuzz_rewrite fuzz_diff; do
    bin=$dir/fuzz/$target
    if [[ ! -x $bin ]]; then
        echo "$target: not built (fuzz_diff waits for src/print/diff.cpp)"
        continue
    fi
    logs=$dir/logs/$target
    artifacts=$dir/artifacts/$target
    corpus=$dir/corpus/$target
    regressions=fuzz/regressions/$target
    rm -rf "$logs" "$artifacts"
    mkdir -p "$logs" "$artifacts/" "$corpus"

    # Every saved crash must now pass.
    broken=()
    for f in "$regressions"/*; do
        [[ -f $f ]] || continue
        "$bin" "${limits[@]}" "$f" >"$logs/replay-$(basename "$f").log" 2>&1 || broken+=("$f")
    done
    if ((${#broken[@]} > 0)); then
        echo "$target: regression fails: ${broken[*]} (logs in $logs/), CRASH"
        failed=$((failed + 1))
        continue
    fi

    # A new corpus starts as the seeds, minimized. Merging skips an input that crashes, so then
    # the seeds go into the fuzzing run as they are, where a crash is caught and saved.
    read -r -a seeds <<<"$(seeds_of "$target")"
    extra=()
    if [[ -z $(ls -A "$corpus") ]]; then
        if ! "$bin" -merge=1 "${limits[@]}" "$corpus" "${seeds[@]}" >"$logs/merge.log" 2>&1 ||
            grep -qE 'MERGE-OUTER: attempt [2-9]|ERROR: |deadly signal|runtime error|property violated' "$logs/merge.log"; then
            extra=("${seeds[@]}")
        fi
    fi
    "$bin" "${limits[@]}" -max_total_time="$seconds" -dict=fuzz/dict/dockerfile.dict -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "${extra[@]}" >"$logs/fuzz.log" 2>&1
    rc=$?
    execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$logs/fuzz.log" | tail -n 1)
    cov=$(grep -oE ' cov: [0-9]+' "$logs/fuzz.log" | tail -n 1 | grep -oE '[0-9]+')
    found=("$artifacts"/*)
    if [[ $rc -eq 0 && ! -e ${found[0]} ]]; then
        echo "$target: ${execs:-0} execs, cov ${cov:-0}, OK"
        passed=$((passed + 1))
        continue
    fi
    mkdir -p "$regressions"
    saved=()
    for f in "${found[@]}"; do
        [[ -f $f ]] || continue
        cp "$f" "$regressions/" && saved+=("$regressions/$(basename "$f")")
    done
    echo "$target: ${execs:-0} execs, cov ${cov:-0}, CRASH (exit $rc; saved: ${saved[*]:-nothing}; log: $logs/fuzz.log)"
    grep -m1 -E 'ERROR: |property violated|runtime error' "$logs/fuzz.log" | sed 's/^/    /'
    failed=$((failed + 1))
done

echo "fuzz: ${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
