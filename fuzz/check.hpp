// check.hpp: the fuzz targets' assertion: print what broke, then trap so libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <string_view>

namespace restage::fuzz {

/// Aborts the run (libFuzzer records the input as a crash) when `ok` is false.
inline void check(bool ok, std::string_view what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: property violated: %.*s\n", static_cast<int>(what.size()), what.data());
    __builtin_trap();
}

}  // namespace restage::fuzz
