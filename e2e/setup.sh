#!/usr/bin/env bash
# e2e/setup.sh: the host packages the end-to-end suite needs, from Debian (idempotent, root only).
set -euo pipefail
PACKAGES=(buildah runc debootstrap curl iproute2 python3 ca-certificates bc)
missing=()
for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
    echo "e2e setup: missing ${missing[*]} and not root" >&2
    exit 1
fi
echo "e2e setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
