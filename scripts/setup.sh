#!/usr/bin/env bash
# setup.sh: install what restage needs to build and test, from Debian's packages only.
#
# Idempotent: checks each package with dpkg -s and touches apt only when something is missing,
# so a machine that already has everything makes no network call. Extend the lists below.
set -euo pipefail

# Needed to build and test restage.
PACKAGES=(
    build-essential
    cmake
    pkg-config
    libtree-sitter-dev
    libfmt-dev
    libcli11-dev
    libyaml-cpp-dev
    catch2
    git
    python3
)

# Nice to have: Ninja builds faster (build.sh falls back to make); clang and its libFuzzer runtime
# build the fuzz targets (without them test.sh counts the fuzz run as failed).
# A failure to install one of these is reported and otherwise ignored.
OPTIONAL_PACKAGES=(
    ninja-build
    clang
    libclang-rt-14-dev
)

installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing_of() {
    local p
    for p in "$@"; do
        installed "$p" || printf '%s\n' "$p"
    done
}

mapfile -t missing < <(missing_of "${PACKAGES[@]}")
mapfile -t missing_optional < <(missing_of "${OPTIONAL_PACKAGES[@]}")

if [[ ${#missing[@]} -eq 0 && ${#missing_optional[@]} -eq 0 ]]; then
    echo "setup: all packages present"
    exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "setup: missing packages (${missing[*]} ${missing_optional[*]}) and not root; no sudo" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() {
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@"
}

echo "setup: installing ${missing[*]} ${missing_optional[*]}"
"${SUDO[@]}" apt-get update -q

if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
fi
for p in "${missing_optional[@]}"; do
    apt_install "$p" || echo "setup: optional package $p not installed; continuing" >&2
done

mapfile -t still < <(missing_of "${PACKAGES[@]}")
if [[ ${#still[@]} -gt 0 ]]; then
    echo "setup: still missing after install: ${still[*]}" >&2
    exit 1
fi
echo "setup: done"
