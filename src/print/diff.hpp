// Unified diff of two texts, line by line, in the form `git apply` and `patch` accept.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace restage::print {

/// Lines of unchanged context around each change.
inline constexpr std::size_t kDiffContext = 3;

/// The unified diff that turns `a` into `b`, or "" when they are equal.
///
///     --- a/PATH_A
///     +++ b/PATH_B
///     @@ -1,4 +1,5 @@
///      unchanged
///     -removed
///     +added
///
/// - Lines end at '\n'; a CR before it is part of the line's content, so CRLF survives a round
///   trip through `git apply`. A last line without '\n' is followed by
///   `\ No newline at end of file` (and differs from the same text with a newline).
/// - The line diff is Myers' O(ND) algorithm in linear space, so the change is a shortest one;
///   in each run of changed lines the removals are printed before the additions.
/// - Hunks have kDiffContext lines of context and merge when their contexts touch. The hunk
///   header omits a count of 1 and gives the line before the hunk for a side with no lines,
///   as diff and git do: `@@ -3 +3,2 @@`, `@@ -0,0 +1 @@`.
/// - `path_a` and `path_b` are written after "a/" and "b/": pass paths relative to the
///   repository root for `git apply`.
/// - With `color`: headers bold, removals red, additions green, hunk headers cyan (ANSI via
///   fmt::styled; the caller decides: a TTY and no NO_COLOR).
std::string unified_diff(std::string_view a, std::string_view b, std::string_view path_a,
                         std::string_view path_b, bool color);

}  // namespace restage::print
