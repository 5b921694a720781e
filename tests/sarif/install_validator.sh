#!/usr/bin/env bash
# install_validator.sh DIR: the SARIF 2.1.0 JSON schema and a validator for it, from the npm
# registry, into DIR (a build folder; nothing is committed). Pinned versions; idempotent.
#   - ajv 6.12.6: a JSON-schema validator that reads draft-04, the schema's dialect;
#   - the schema: lib/schemas/sarif-2.1.0-rtm.5.json of @microsoft/jest-sarif 1.0.0-beta.0, the
#     released SARIF 2.1.0 schema (the OASIS standard's), checked against its sha256.
# Exits 77 (a skip for CTest) when npm or the registry cannot be reached.
set -euo pipefail
dir=${1:?usage: install_validator.sh DIR}
schema_sha256=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
mkdir -p "$dir"
if [[ -f "$dir/sarif-schema-2.1.0.json" && -f "$dir/node_modules/ajv/package.json" ]]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "SKIPPED: node and npm are not installed (apt-get install nodejs npm)" >&2
    exit 77
fi
if ! npm view ajv@6.12.6 version >/dev/null 2>&1; then
    echo "SKIPPED: the npm registry cannot be reached" >&2
    exit 77
fi
cd "$dir"
npm install --no-save --no-audit --no-fund --loglevel=error ajv@6.12.6 >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
tar -xzf "$tmp"/microsoft-jest-sarif-1.0.0-beta.0.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
echo "$schema_sha256  $tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" | sha256sum -c --quiet
cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" sarif-schema-2.1.0.json
