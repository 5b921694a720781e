#!/bin/bash
# make-standins.sh [ROOTFS_DIR]: create every stand-in base image in the current containers storage
# (honours CONTAINERS_STORAGE_CONF / STORAGE_DRIVER). Order matters: later files build FROM earlier images.
set -euo pipefail
cd "$(dirname "$0")"
R=${1:-${TMPDIR:-/tmp}/standins-rootfs}
L=${LOGDIR:-${TMPDIR:-/tmp}/standins-logs}; mkdir -p "$L"
t() { local s=$(date +%s.%N); "$@"; printf '%-45s %6.1f s\n' "${TAG:-${3:-$2}}" "$(echo "$(date +%s.%N) - $s" | bc)" | tee -a "$L/standin-times.txt"; }
bud() { # FILE TAG [args]
  local f=$1 tag=$2; shift 2
  buildah bud --pull=never --isolation chroot --layers=false "$@" -t "$tag" -f "$f" . > "$L/standin-$(basename "$f" .Containerfile)-${tag##*/}.log" 2>&1 \
    || { tail -20 "$L/standin-$(basename "$f" .Containerfile)-${tag##*/}.log"; return 1; }
}
# node: this machine's Node.js 20 (nodesource package) + npm, as a tarball in the build context
[ -f files/node20-host.tar ] || tar -C / -cf files/node20-host.tar \
  --transform 's,^usr/bin/node,usr/local/bin/node,' --transform 's,^usr/lib/node_modules,usr/local/lib/node_modules,' \
  --transform 's,^usr/include/node,usr/local/include/node,' usr/bin/node usr/lib/node_modules/npm usr/lib/node_modules/corepack usr/include/node
TAG=rootfs:debootstrap+slim t ./mkbase.sh "$R" > "$L/standin-mkbase.log" 2>&1
TAG=docker.io/library/debian:bookworm-slim t ./import-rootfs.sh "$R" docker.io/library/debian:bookworm-slim \
    --cmd '["bash"]' --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin >/dev/null
buildah tag docker.io/library/debian:bookworm-slim docker.io/library/debian:bookworm docker.io/library/debian:12 docker.io/library/ubuntu:22.04
t bud alpine.Containerfile             docker.io/library/alpine:3.20
buildah tag docker.io/library/alpine:3.20 docker.io/library/alpine:latest
t bud golang.Containerfile             docker.io/library/golang:1.22
t bud temurin-jre.Containerfile        docker.io/library/eclipse-temurin:17-jre
t bud maven.Containerfile              docker.io/library/maven:3.9-eclipse-temurin-17
t bud node-slim.Containerfile          docker.io/library/node:20-slim
t bud node.Containerfile               docker.io/library/node:20
t bud nginx-alpine.Containerfile       docker.io/library/nginx:alpine
t bud hugo.Containerfile               docker.io/hugomods/hugo:exts-0.111.3
for d in static base java17 nodejs20; do
  t bud distroless.Containerfile gcr.io/distroless/$d-debian12 --target $d
  c=$(buildah from --pull=never -q gcr.io/distroless/$d-debian12)   # :nonroot = same files, USER 65532
  buildah config --user 65532:65532 --workingdir /home/nonroot "$c"
  buildah commit -q --rm "$c" gcr.io/distroless/$d-debian12:nonroot >/dev/null
done
buildah rmi --prune >/dev/null 2>&1 || true   # drop the untagged intermediate stages
