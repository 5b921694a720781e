// shell_pattern.hpp: the shell wildcard patterns of ${V#p}, ${V%p} and ${V/p/r}, matched as BuildKit does.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model::shell_pattern {

/// A compiled pattern: BuildKit turns `*` into `.*` (or `.*?`), `?` into `.`, and everything else
/// into literals, then runs Go's regexp; this is the same language matched by backtracking.
struct Pattern {
    enum class Kind { Literal, AnyRune, Star };
    struct Token {
        Kind kind;
        char32_t rune = 0;
    };
    std::vector<Token> tokens;
    bool greedy = true;    ///< `*` takes the longest match (`.*`) rather than the shortest (`.*?`)
    bool anchored = false; ///< match only at the start of the subject (`^`)
};

/// convertShellPatternToRegex: `\*`, `\?`, `\\` escape; `\}` and `\/` drop the backslash; any other
/// escape is an error ("invalid escape '\x'").
Result<Pattern> compile(std::string_view pattern, bool greedy, bool anchored);

/// Regexp.FindStringIndex from byte `from`: the leftmost-first match as [begin, end) bytes.
std::optional<std::pair<std::size_t, std::size_t>> find(const Pattern& p, std::string_view s,
                                                         std::size_t from = 0);

/// Regexp.ReplaceAllString: every match replaced by `repl`, whose `$0`/`${0}` name the match,
/// `$$` a dollar, and any other `$name` nothing.
std::string replace_all(const Pattern& p, std::string_view s, std::string_view repl);

/// ${V#p} / ${V##p}: `value` without its shortest (longest when greedy) prefix matching `pattern`.
Result<std::string> trim_prefix(std::string_view pattern, std::string_view value, bool greedy);

/// ${V%p} / ${V%%p}: `value` without its shortest (longest) suffix matching `pattern`.
Result<std::string> trim_suffix(std::string_view pattern, std::string_view value, bool greedy);

/// The pattern reversed rune by rune, keeping each `\x` escape in front of its character.
std::string reverse_pattern(std::string_view pattern);

/// The string reversed rune by rune (invalid bytes become U+FFFD, as Go's []rune conversion does).
std::string reverse_string(std::string_view s);

}  // namespace restage::model::shell_pattern
