// bk_heredoc.hpp: which instructions take heredocs, and the heredocs a line opens (BuildKit rules).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/bk_node.hpp"
#include "syntax/result.hpp"

namespace restage::model::bk {

/// BuildKit's canContainHeredoc: ADD, COPY and RUN (or ONBUILD wrapping one of them) in shell
/// form. BuildKit looks for heredocs only when this holds and the joined line contains "<<".
bool can_contain_heredoc(const Node& n);

/// BuildKit's ParseHeredoc on one word: matches ^(\d*)<<(-?)\s*([^<]*)$, then lexes the name
/// with and without quote removal; the heredoc expands unless part of the name was quoted.
/// No heredoc (std::nullopt) when the pattern does not match, the name is empty or is not one
/// shell word; an error for unbalanced quotes ("failed to process ..."). An fd too large for 64
/// bits saturates, as strconv.ParseUint does.
Result<std::optional<Heredoc>> parse_heredoc(std::string_view word);

/// BuildKit's heredocsFromLine: lexes the whole joined line into shell words (raw quotes and
/// escapes; a line the lexer rejects yields no heredocs) and parses each word as a heredoc.
/// The contents are left empty: the caller reads the lines after the instruction up to a line
/// equal to the name (compared after removing leading tabs when chomp is set).
Result<std::vector<Heredoc>> heredocs_from_line(std::string_view line);

/// BuildKit's ChompHeredocContent: removes the leading tabs of every line of `content`.
std::string chomp_heredoc_content(std::string_view content);

}  // namespace restage::model::bk
