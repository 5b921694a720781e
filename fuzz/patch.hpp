// patch.hpp: a small, strict applier of unified diffs, to check print::unified_diff in fuzz_diff.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace restage::fuzz {

/// Applies the unified diff `diff` (as print::unified_diff writes it, without colour) to `a`.
/// Nothing when the diff is malformed or does not apply exactly: a header other than
/// "--- "/"+++ ", a hunk whose counts disagree with its lines, hunks out of order or
/// overlapping, a context or removed line that differs from `a`. An empty diff gives `a`.
std::optional<std::string> apply_unified_diff(std::string_view a, std::string_view diff);

}  // namespace restage::fuzz
