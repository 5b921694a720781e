// shell_word.hpp: internal to the shell lexer: the state of one word being processed (shellWord).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/go_text.hpp"
#include "model/shell_lex.hpp"

namespace restage::model::detail {

inline Error lex_error(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

inline void put(std::string& out, go::rune_t r) {
    go::append_rune(out, static_cast<char32_t>(r));
}

/// What processing (part of) a word gave: the word, and its split into fields.
struct Processed {
    std::string word;
    std::vector<std::string> words;
};

/// BuildKit's shellWord: a scanner over one word, the options, and the variables it looked up.
class ShellWord {
public:
    ShellWord(std::string_view word, const EnvLookup& env, const LexOptions& options)
        : sc_(word), env_(env), opt_(options), raw_escapes_(options.raw_escapes) {}

    /// processStopOn: up to `stop` (consumed) or the end when `stop` is kEof (shell_lex.cpp).
    Result<Processed> process_stop_on(go::rune_t stop, bool raw_escapes);

    std::set<std::string> matched, unmatched;

private:
    // Quotes and heredoc markers (shell_lex.cpp).
    Result<std::string> process_single_quote();
    Result<std::string> process_double_quote();
    Result<std::string> process_possible_heredoc();

    // Variables (shell_expand.cpp).
    Result<std::string> process_dollar();
    std::string process_name();
    std::optional<std::string> get_env(const std::string& name);
    Result<std::string> process_modifier(const std::string& name, go::rune_t ch, std::string chs, bool null_is_unset);
    Result<std::string> process_replace(const std::string& name);

    go::Scanner sc_;
    const EnvLookup& env_;
    const LexOptions& opt_;
    bool raw_escapes_;
    std::string words_buffer_;  // shared by every nesting level, as BuildKit's is
    int depth_ = 0;             // ${...} nesting, bounded by kMaxNesting (shell_expand.cpp)
};

}  // namespace restage::model::detail
