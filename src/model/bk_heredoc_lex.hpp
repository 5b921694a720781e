// bk_heredoc_lex.hpp: the part of BuildKit's shell lexer (shell/lex.go) that finds heredocs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model::bk {

/// The shell.Lex switches BuildKit's heredoc detection sets. The escape character is always
/// a backslash and no variable is ever set (SkipUnsetEnv), so `$x`, `${x}` and `${x:-w}` are
/// kept as written.
struct HeredocLexOptions {
    bool raw_quotes = false;   ///< keep quote characters in the words
    bool raw_escapes = false;  ///< keep escape characters in the words
};

/// shell.Lex.ProcessWords with an empty environment: the words of `input` after quote and
/// escape removal (as the options say), split on Unicode white space. Reproduces the lexer's
/// quirks: a nested `${x:-...}` or `${x/a/b}` drops the part of the word before it, `<<` takes
/// the blanks after it into the word, a backslash before an ordinary character inside double
/// quotes is doubled when raw_escapes is set. Errors are BuildKit's, wrapped as
/// `failed to process "<input>": <reason>`.
Result<std::vector<std::string>> lex_words(std::string_view input, HeredocLexOptions options);

}  // namespace restage::model::bk
