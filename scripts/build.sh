#!/usr/bin/env bash
# build.sh [plain|asan]: configure and build restage in build/ (plain) or build-asan/ (ASan+UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."

variant=${1:-plain}
case "$variant" in
    plain) dir=build; flags=(-DRESTAGE_SANITIZE=OFF) ;;
    asan)  dir=build-asan; flags=(-DRESTAGE_SANITIZE=ON) ;;
    *) echo "usage: $0 [plain|asan]" >&2; exit 2 ;;
esac

# A build directory keeps the generator it was first configured with; choose one only for a new one.
generator=()
if [[ ! -f "$dir/CMakeCache.txt" ]]; then
    if command -v ninja >/dev/null 2>&1; then
        generator=(-G Ninja)
    else
        generator=(-G "Unix Makefiles")
    fi
fi

cmake -S . -B "$dir" "${generator[@]}" "${flags[@]}"
cmake --build "$dir" -j2
