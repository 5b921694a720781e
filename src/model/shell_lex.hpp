// shell_lex.hpp: BuildKit's shell lexer (shell.Lex): quotes, escapes and variable expansion.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model {

/// Looks a variable up by name: its value, or nullopt when it is unset (set-but-empty is "").
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// shell.EnvsFromSlice: "KEY=VALUE" entries ("KEY" alone means empty); a later KEY wins.
EnvLookup env_from_entries(std::vector<std::string> entries);

/// An environment with no variables.
EnvLookup empty_env();

/// The knobs of shell.Lex.
struct LexOptions {
    char32_t escape = U'\\';        ///< the escape token: backslash, or backtick by directive
    bool raw_quotes = false;        ///< keep quote characters in the output
    bool raw_escapes = false;       ///< keep escape tokens in the output
    bool skip_process_quotes = false; ///< treat ' and " as ordinary characters
    bool skip_unset_env = false;    ///< leave references to unset variables as written
};

/// What lexing one word produced; BuildKit computes both forms in one pass.
struct LexResult {
    std::string word;                ///< ProcessWord: the expanded word, spaces kept
    std::vector<std::string> words;  ///< ProcessWords: split on unquoted whitespace after expansion
    std::set<std::string> matched;   ///< variables referenced that were set
    std::set<std::string> unmatched; ///< variables referenced that were unset
};

/// shell.Lex.ProcessWordWithMatches: expands `$V`, `${V}`, `${V:-w}`, `${V-w}`, `${V:+w}`,
/// `${V+w}`, `${V:?w}`, `${V?w}`, `${V#p}`, `${V##p}`, `${V%p}`, `${V%%p}`, `${V/p/r}`,
/// `${V//p/r}`, removes quotes and escapes. Errors carry BuildKit's message, e.g.
/// `failed to process "${x": syntax error: missing '}'`.
///
/// Runes are read as Go's text/scanner reads them (invalid UTF-8 becomes U+FFFD, a leading BOM is
/// skipped); names use Unicode 15 letters and digits, as Go's unicode package does.
Result<LexResult> lex_word(std::string_view word, const EnvLookup& env, const LexOptions& options = {});

/// shell.Lex.ProcessWord: the expanded word.
Result<std::string> process_word(std::string_view word, const EnvLookup& env,
                                 const LexOptions& options = {});

/// shell.Lex.ProcessWords: the expanded word split into fields.
Result<std::vector<std::string>> process_words(std::string_view word, const EnvLookup& env,
                                               const LexOptions& options = {});

}  // namespace restage::model
