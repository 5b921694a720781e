#!/usr/bin/env bash
# test.sh: install what is missing, build plain and ASan+UBSan, run CTest in both, then the
# libFuzzer targets briefly (scripts/fuzz.sh).
#
# Closes with one line "N passed, N failed" summed over both builds and the fuzz targets, and exits
# non-zero on any failure: a failed build, a failed test, a sanitizer report, or a build that ran no
# test.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || { echo "test: setup failed" >&2; echo "0 passed, 1 failed"; exit 1; }

# Any sanitizer report fails the test that produced it. LeakSanitizer cannot run everywhere
# (under ptrace, in some sandboxes), so probe it once and leave it off only where it cannot work.
probe_leaks() {
    local tmp rc
    tmp=$(mktemp -d)
    printf 'int main() { return 0; }\n' >"$tmp/p.cpp"
    if ! c++ -fsanitize=address "$tmp/p.cpp" -o "$tmp/p" 2>/dev/null; then
        rm -rf "$tmp"; return 1
    fi
    ASAN_OPTIONS=detect_leaks=1 "$tmp/p" >/dev/null 2>&1
    rc=$?
    rm -rf "$tmp"
    return $rc
}
leaks=1
if ! probe_leaks; then
    leaks=0
    echo "test: LeakSanitizer does not work on this machine; leak checks off" >&2
fi
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=${leaks}:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="exitcode=23"

passed=0
failed=0

# run_variant NAME DIR: build, run ctest, add its counts to the totals.
run_variant() {
    local name=$1 dir=$2 log summary total fails rc
    echo "=== $name: build"
    if ! bash scripts/build.sh "$name"; then
        echo "test: $name build failed" >&2
        failed=$((failed + 1))
        return
    fi
    echo "=== $name: ctest"
    log=$(mktemp)
    ctest --test-dir "$dir" --output-on-failure --no-tests=error -j2 --timeout 600 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    # CTest's summary: "97% tests passed, 1 tests failed out of 35".
    summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
    rm -f "$log"
    if [[ -z "$summary" ]]; then
        echo "test: $name: no CTest summary (ctest exit $rc)" >&2
        failed=$((failed + 1))
        return
    fi
    fails=$(sed -E 's/^[0-9]+% tests passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + total - fails))
    failed=$((failed + fails))
    if [[ $rc -ne 0 && $fails -eq 0 ]]; then
        echo "test: $name: ctest exited $rc with no failed test" >&2
        failed=$((failed + 1))
    fi
}

run_variant plain build
run_variant asan build-asan

# The end-to-end suite (e2e/run.sh): real image builds with buildah; its checks count as tests.
run_e2e() {
    local log line
    if [[ ${RESTAGE_SKIP_E2E:-0} == 1 ]]; then
        echo "test: e2e SKIPPED because RESTAGE_SKIP_E2E=1" >&2
        return
    fi
    echo "=== e2e"
    log=$(mktemp)
    bash e2e/run.sh build/restage 2>&1 | tee "$log"
    line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    rm -f "$log"
    if [[ -z "$line" ]]; then
        echo "test: e2e: no summary line" >&2
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + $(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")))
}
run_e2e

# The libFuzzer targets under ASan+UBSan: the saved regressions, then a short run of each
# (RESTAGE_FUZZ_SECONDS, default 15); each target counts as one test.
echo "=== fuzz"
fuzz_log=$(mktemp)
bash scripts/fuzz.sh "${RESTAGE_FUZZ_SECONDS:-15}" 2>&1 | tee "$fuzz_log"
fuzz_summary=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed$' "$fuzz_log" | tail -n 1)
rm -f "$fuzz_log"
if [[ -z $fuzz_summary ]]; then
    echo "test: fuzz: no summary" >&2
    failed=$((failed + 1))
else
    passed=$((passed + $(sed -E 's/^fuzz: ([0-9]+) passed.*/\1/' <<<"$fuzz_summary")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$fuzz_summary")))
fi

echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
