// bk_split_command.hpp: BuildKit's splitCommand and extractBuilderFlags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace restage::model::bk {

/// An instruction line cut into its keyword, its leading --flags and the rest.
struct SplitCommand {
    std::string cmd;                 ///< the keyword as written (may be empty or odd)
    std::vector<std::string> flags;  ///< the --flags, quotes and escapes removed
    std::string args;                ///< the rest, Unicode white space trimmed
};

/// The result of extract_builder_flags.
struct BuilderFlags {
    std::string rest;                ///< the line from the first non-flag word on ("" if none)
    std::vector<std::string> flags;  ///< the --flags in order
};

/// BuildKit's extractBuilderFlags. It reads bytes, not runes: a byte is white space when Go's
/// unicode.IsSpace(rune(b)) is (so 0x85 and 0xA0 split words), and each byte >= 0x80 kept in
/// a flag is re-encoded as the Latin-1 rune of that value. Quotes are removed, `escape`
/// escapes any byte (also inside single quotes), and a word `--` ends the flags.
BuilderFlags extract_builder_flags(std::string_view line, char escape);

/// BuildKit's splitCommand: the keyword is what precedes the first run of [\t\v\f\r ] in the
/// trimmed line; the flags are extracted from the rest.
SplitCommand split_command(std::string_view line, char escape);

}  // namespace restage::model::bk
