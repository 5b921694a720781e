#!/usr/bin/env bash
# check_scan.sh RESTAGE SOURCE_DIR NPM_DIR: `restage scan --format sarif` over golden cases and
# a bad file must be valid SARIF 2.1.0; a broken log must not be (so the check can fail).
set -euo pipefail
restage=$1 src=$2 npm_dir=$3
bash "$src/tests/sarif/install_validator.sh" "$npm_dir" || exit $?
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'root: true\n' >"$tmp/.restage.yaml"
for c in go/tutorial-go-build node/alpine-tini-entrypoint; do
    mkdir -p "$tmp/$c"
    cp "$src/golden/$c/Dockerfile" "$tmp/$c/"
    if [[ -d "$src/golden/$c/context" ]]; then cp -r "$src/golden/$c/context/." "$tmp/$c/"; fi
done
mkdir -p "$tmp/bad"
printf 'FROM alpine\nCMD ["a", 1]\n' >"$tmp/bad/Dockerfile"
status=0
(cd "$tmp" && "$restage" scan --format sarif . >log.sarif 2>/dev/null) || status=$?
[[ $status -eq 2 ]] || { echo "FAIL: scan exited $status, expected 2 (one bad file)" >&2; exit 1; }
results=$(grep -c '"ruleId"' "$tmp/log.sarif" || true)
[[ $results -ge 2 ]] || { echo "FAIL: expected results in the log, found $results" >&2; exit 1; }
validate() { NODE_PATH="$npm_dir/node_modules" node "$src/tests/sarif/validate.js" "$npm_dir/sarif-schema-2.1.0.json" "$1"; }
validate "$tmp/log.sarif"
sed 's/"version": "2.1.0"/"version": "2.0.0"/' "$tmp/log.sarif" >"$tmp/broken.sarif"
if validate "$tmp/broken.sarif" 2>/dev/null; then
    echo "FAIL: the validator accepted a log with version 2.0.0" >&2
    exit 1
fi
echo "ok: $results results, valid SARIF 2.1.0"
