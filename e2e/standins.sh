#!/usr/bin/env bash
# e2e/standins.sh: make sure the stand-in base images exist and match their recipe.
# The recipe's hash (every file under e2e/standins/ plus the host Node.js copied into node:20) is
# kept as a label on localhost/restage-e2e/standins-stamp; a missing image or another hash rebuilds all.
# `standins.sh --stamp-only` records the current hash without building (after building by hand).
set -euo pipefail
cd "$(dirname "$0")/standins"
STAMP=localhost/restage-e2e/standins-stamp
IMAGES=(
    docker.io/library/debian:bookworm-slim docker.io/library/alpine:3.20
    docker.io/library/golang:1.22 docker.io/library/eclipse-temurin:17-jre
    docker.io/library/maven:3.9-eclipse-temurin-17 docker.io/library/node:20-slim docker.io/library/node:20
    docker.io/library/nginx:alpine docker.io/hugomods/hugo:exts-0.111.3
    gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/base-debian12:nonroot
    gcr.io/distroless/java17-debian12:nonroot gcr.io/distroless/nodejs20-debian12:nonroot
)
hash=$( { find . -type f ! -name '*.tar' -print0 | sort -z | xargs -0 sha256sum; node --version 2>/dev/null; } \
        | sha256sum | cut -c1-16)
stamp() {
    local ctr
    ctr=$(buildah from scratch)
    buildah config --label "restage.standins.hash=$hash" "$ctr"
    buildah commit -q --rm "$ctr" "$STAMP" >/dev/null
}
if [[ ${1:-} == --stamp-only ]]; then stamp; echo "standins: stamped $hash"; exit 0; fi
current=$(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "restage.standins.hash"}}' \
          "$STAMP" 2>/dev/null || true)
ok=1
[[ "$current" == "$hash" ]] || ok=0
for img in "${IMAGES[@]}"; do
    [[ $ok == 1 ]] || break
    buildah inspect --type image "$img" >/dev/null 2>&1 || { echo "standins: $img missing"; ok=0; }
done
if [[ $ok == 1 ]]; then
    echo "standins: up to date ($hash)"
    exit 0
fi
echo "standins: building (recipe $hash, was ${current:-none})"
if [[ ! -x /usr/bin/node || "$(/usr/bin/node --version)" != v20.* ]]; then
    echo "standins: the node:20 stand-ins copy this machine's Node.js 20 (/usr/bin/node, e.g. NodeSource's nodejs 20.x); not found" >&2
    exit 1
fi
rm -f files/node20-host.tar
TMPDIR=${STANDINS_TMP:-/var/tmp/restage-e2e} ./make-standins.sh
stamp
echo "standins: done ($hash)"
