// suggest.hpp: "did you mean" suggestions, as BuildKit's util/suggest makes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace restage::model {

/// Levenshtein distance over code points (agext/levenshtein with unit costs).
int levenshtein(std::string_view a, std::string_view b);

/// suggest.Search: the option closest to `value` at a distance under 3, none when an option equals
/// it. Case-insensitively, the match takes `value`'s case when that is all lower or all upper.
/// BuildKit walks a Go map, so among equally close options its pick is random; we take the first
/// in `options` order.
std::optional<std::string> suggest(std::string_view value, const std::vector<std::string>& options,
                                   bool case_sensitive);

/// suggest.WrapError: `message` plus " (did you mean X?)" when there is a suggestion.
std::string with_suggestion(std::string message, std::string_view value,
                            const std::vector<std::string>& options, bool case_sensitive);

}  // namespace restage::model
