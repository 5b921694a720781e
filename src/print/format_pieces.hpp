// The formatter's view of one instruction: its tokens, the white space between them, its line
// continuations and its heredocs, in source order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/tree.hpp"

namespace restage::print::detail {

/// One piece of an instruction, as the formatter prints it.
struct Piece {
    enum class Kind {
        Token,         ///< source text (a JSON array normalised)
        Gap,           ///< white space between tokens in the source (no newline but the last)
        Continuation,  ///< a line_continuation node: escape, newline, skipped comment/empty lines
        Heredoc,       ///< a heredoc node: body, delimiter line and its newline, verbatim
    };
    Kind kind = Kind::Token;
    std::string text;
    /// Token: a JSON array with a comment inside a continuation, printed from these source bytes
    /// (several lines) instead of `text`.
    std::string verbatim;
    /// Continuation or Gap: inside a `text` node (a legacy ENV/LABEL value, USER, WORKDIR, ...),
    /// where BuildKit keeps the blanks in the value: printed as written.
    bool in_text = false;
    /// Token: an instruction keyword (not an unknown instruction's).
    bool keyword = false;
};

/// The pieces of an instruction node (ONBUILD's wrapped instruction included): every leaf in
/// order, the hidden tokens of words and values as tokens, and the gaps between them.
std::vector<Piece> flatten_instruction(const syntax::SyntaxTree& tree, syntax::Node instruction);

/// The comment lines a continuation token skips, each trimmed; its empty lines are dropped.
std::vector<std::string_view> continuation_comments(std::string_view continuation);

/// Tracks shell-style quotes over an instruction's text: inside '...' nothing is escaped,
/// elsewhere a backslash escapes the next character. Under `# escape=\``, BuildKit's own word
/// splitting (flags, ENV, LABEL) escapes with the backtick instead; a quote open by either
/// reading counts as open, so that no quoted white space is ever changed.
class ShellQuotes {
public:
    explicit ShellQuotes(char escape) : other_escape_(escape == '\\' ? '\0' : escape) {}
    void feed(std::string_view text);
    /// Whether a '...' or "..." is open after the text fed so far.
    bool open() const { return shell_.open() || (other_escape_ != '\0' && words_.open()); }

private:
    struct State {
        bool single = false;
        bool dbl = false;
        bool escaped = false;
        void feed(char c, char escape);
        bool open() const { return single || dbl; }
    };
    char other_escape_;
    State shell_;  ///< backslash escapes
    State words_;  ///< the escape directive's character escapes
};

/// ' ', '\t', '\r', '\v', '\f' or '\n': the white space the grammar skips between tokens.
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

}  // namespace restage::print::detail
