#!/usr/bin/env bash
# e2e/run.sh [RESTAGE]: the end-to-end suite. For every app in e2e/apps, `restage verify` rewrites
# its single-stage Dockerfile, builds both with buildah from stand-in base images (no pulls), runs
# both and compares their answers; this script then checks the rewrite's image: non-root, no build
# tool, size ratio at least the app's target. Plus two negative checks: a rewrite with a needed COPY
# removed must make verify exit 1, and verify with no builder on PATH must exit 2.
# Writes e2e/logs/ (results.md: the table; E2E_RECORD=1 copies it to e2e/results.md); the last
# line is "e2e: N passed, N failed".
set -uo pipefail
RESTAGE=$(realpath -m "${1:-$(dirname "$0")/../build/restage}")
cd "$(dirname "$0")"
E2E=$(pwd)
LOGS=$E2E/logs
rm -rf "$LOGS"; mkdir -p "$LOGS"
passed=0; failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
finish() { echo "e2e: $passed passed, $failed failed"; [[ $failed -eq 0 && $passed -gt 0 ]]; exit $?; }

# Minimum size ratio (original image / rewritten image) per app.
declare -A TARGET=([go]=50 [static]=5 [maven]=2 [node]=3 [hugo]=5)
CA=/etc/ssl/certs/ca-certificates.crt
START=$(date +%s)

if [[ $(id -u) -ne 0 ]]; then fail "setup: the suite builds and runs images with buildah as root"; finish; fi
bash ./setup.sh || { fail "setup: e2e/setup.sh"; finish; }
for tool in buildah ip curl python3; do
    command -v $tool >/dev/null || { fail "setup: $tool missing"; finish; }
done
[[ -x "$RESTAGE" ]] || { fail "setup: no restage binary at $RESTAGE"; finish; }
if ! bash ./standins.sh > "$LOGS/standins.log" 2>&1; then
    tail -30 "$LOGS/standins.log"; fail "stand-in images (see e2e/logs/standins.log)"; finish
fi
tail -1 "$LOGS/standins.log"
STANDINS_DONE=$(date +%s)

# Run images with runc (oci isolation), as docker and podman do: it hands the container's stdout and
# stderr to its user, so a non-root nginx can open /dev/stderr (chroot isolation's pipes stay root's).
# The configuration makes runc work on this kind of host (hybrid cgroups, no CAP_SYS_RESOURCE).
export BUILDAH_ISOLATION=oci CONTAINERS_CONF=$E2E/standins/containers.conf
VERIFY=(--builder buildah --pull never "--build-opt=--volume=$CA:$CA:ro" --timeout 60)
rows=()
for app_dir in apps/*/; do
    app=$(basename "$app_dir")
    # E2E_APPS="go node" runs only those (while developing); the negative checks always run.
    [[ -z ${E2E_APPS:-} || " $E2E_APPS " == *" $app "* ]] || continue
    work=$(mktemp -d); cp -a "$app_dir" "$work/ctx"
    "$RESTAGE" "$work/ctx/Dockerfile" > "$LOGS/$app.rewritten.Dockerfile" 2> "$LOGS/$app.rewrite.err"
    read -r -a probe < "$app_dir/probe"
    "$RESTAGE" verify "$work/ctx/Dockerfile" --context "$work/ctx" "${VERIFY[@]}" "${probe[@]}" --format json \
        > "$LOGS/$app.verify.json" 2> "$LOGS/$app.verify.err"
    code=$?
    rm -rf "$work"
    verdict=$(python3 - "$LOGS/$app.verify.json" "${TARGET[$app]:-2}" "$code" <<'PY'
import json, sys
path, target, code = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
problems = []
try:
    r = json.load(open(path))
except Exception as e:
    print(f"FAIL|no JSON report ({e})|||||"); sys.exit()
b, a = r["before"], r["after"]
if code != 0 or r["result"] != "same":
    problems.append(f"verify exited {code}: {r['result']}: {r['problem']}")
elif a.get("root", True): problems.append(f"the rewrite runs as root (user {a.get('user')!r})")
if a.get("build_tools"): problems.append("build tools left: " + ", ".join(a["build_tools"]))
ratio = b.get("size_bytes", 0) / a["size_bytes"] if a.get("size_bytes") else 0
if a.get("size_bytes") and ratio < target: problems.append(f"size ratio {ratio:.1f}x < {target:g}x")
mb = lambda n: f"{n / 1e6:.1f} MB"
print("|".join(["FAIL" if problems else "PASS", "; ".join(problems), mb(b.get("size_bytes", 0)),
                mb(a.get("size_bytes", 0)), f"{ratio:.1f}x (target {target:g}x)", f"{b['build_seconds']:.1f} s",
                f"{a['build_seconds']:.1f} s", a.get("user", "")]))
PY
)
    IFS='|' read -r status why before after ratio bt_before bt_after user <<< "$verdict"
    rows+=("| $app | $before | $after | $ratio | $bt_before | $bt_after | $user | $status |")
    if [[ $status == PASS ]]; then pass "$app: $ratio, user $user"; else
        fail "$app: $why"; head -c 3000 "$LOGS/$app.verify.json"; tail -5 "$LOGS/$app.verify.err"; fi
done

# Negative 1: the hugo app's rewrite without the COPY that brings the site: verify must exit 1.
work=$(mktemp -d); cp -a apps/hugo "$work/ctx"
"$RESTAGE" "$work/ctx/Dockerfile" | grep -v '^COPY --from=' > "$work/broken.Dockerfile"
read -r -a probe < apps/hugo/probe
"$RESTAGE" verify "$work/ctx/Dockerfile" --context "$work/ctx" --rewritten "$work/broken.Dockerfile" \
    "${VERIFY[@]}" "${probe[@]}" > "$LOGS/broken.verify.txt" 2>&1
code=$?
if [[ $code -eq 1 ]] && grep -q '^result: behaviour differs: ' "$LOGS/broken.verify.txt"; then
    pass "broken rewrite (COPY --from removed): verify exits 1: $(grep '^result:' "$LOGS/broken.verify.txt")"
else
    fail "broken rewrite: verify exited $code"; cat "$LOGS/broken.verify.txt"
fi
rm -rf "$work"

# Negative 2: no builder on PATH: exit 2 and the message saying what to install.
empty=$(mktemp -d)
out=$(PATH=$empty "$RESTAGE" verify apps/go/Dockerfile --http 8080/ 2>&1); code=$?
rmdir "$empty"
want="restage verify: no container builder found: install docker, podman or buildah (e.g. apt-get install buildah)"
if [[ $code -eq 2 && "$out" == "$want" ]]; then pass "no builder: exit 2: $out"; else
    fail "no builder: exit $code: $out"; fi

# Nothing of ours left behind.
left=$(buildah containers --format '{{.ImageName}}' | grep -c 'restage-verify' || true)
left_images=$(buildah images --format '{{.Name}}' | grep -c 'restage-verify' || true)
if [[ $left -eq 0 && $left_images -eq 0 ]]; then pass "cleanup: no restage-verify image or container left"; else
    fail "cleanup: $left containers and $left_images images of restage-verify left"; fi

END=$(date +%s)
{
    echo "# End-to-end results"
    echo
    echo "Measured by \`e2e/run.sh\` on $(date -u +%Y-%m-%d) with buildah $(buildah --version | awk '{print $3}'),"
    echo "stand-in base images (see e2e/README.md); stand-ins $((STANDINS_DONE - START)) s, apps $((END - STANDINS_DONE)) s."
    echo
    echo "| app | original image | rewritten image | ratio | build before | build after | user after | result |"
    echo "|---|---:|---:|---|---:|---:|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "$passed passed, $failed failed."
} > "$LOGS/results.md"
# E2E_RECORD=1 updates the committed table (a plain run leaves the tree clean).
[[ ${E2E_RECORD:-0} == 1 ]] && cp "$LOGS/results.md" results.md
finish
