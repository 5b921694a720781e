// Edits: replacements on byte ranges of the original; every untouched byte passes through.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::rewrite {

/// Replace [begin, end) of the original with `text` (an insertion when begin == end).
struct Edit {
    size_t begin = 0;
    size_t end = 0;
    std::string text;
};

/// Applies `edits` to `source`. Edits may come in any order; two that overlap (or two
/// insertions at one offset) are a bug and give an Internal error.
Result<std::string> apply_edits(std::string_view source, std::vector<Edit> edits);

}  // namespace restage::rewrite
