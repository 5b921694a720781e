// bk_heredoc.cpp: heredoc detection and naming as BuildKit's parser.go does it.
#include "model/bk_heredoc.hpp"

#include <cstdint>
#include <utility>

#include "model/bk_text.hpp"
#include "model/shell_lex.hpp"

namespace restage::model::bk {
namespace {

bool is_heredoc_keyword(std::string_view lowered) {
    return lowered == "add" || lowered == "copy" || lowered == "run";
}

// RE2's \s: [\t\n\f\r ] (no \v).
bool is_re2_space(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

// BuildKit lexes heredoc words with shell.NewLex('\\'), SkipUnsetEnv and no variables set.
Result<std::vector<std::string>> lex_words(std::string_view s, bool raw_quotes, bool raw_escapes) {
    LexOptions options;
    options.raw_quotes = raw_quotes;
    options.raw_escapes = raw_escapes;
    options.skip_unset_env = true;
    return process_words(s, empty_env(), options);
}

std::size_t count_quotes(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (c == '\'' || c == '"') ? 1 : 0;
    return n;
}

}  // namespace

bool can_contain_heredoc(const Node& n) {
    const Node* node = &n;
    if (to_lower(node->value) == "onbuild" && !node->next.empty() && !node->next[0].children.empty()) {
        node = &node->next[0].children[0];
    }
    return is_heredoc_keyword(to_lower(node->value)) && !node->json;
}

Result<std::optional<Heredoc>> parse_heredoc(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
    const std::string_view digits = word.substr(0, i);
    if (word.substr(i, 2) != "<<") return std::optional<Heredoc>{};
    i += 2;
    const bool chomp = i < word.size() && word[i] == '-';
    if (chomp) ++i;
    while (i < word.size() && is_re2_space(word[i])) ++i;
    const std::string_view rest = word.substr(i);
    if (rest.find('<') != std::string_view::npos || rest.empty()) return std::optional<Heredoc>{};

    // strconv.ParseUint(digits, 10, 0): empty gives 0, overflow the largest value.
    std::uint64_t fd = 0;
    for (char c : digits) {
        const unsigned d = static_cast<unsigned>(c - '0');
        fd = (fd > (UINT64_MAX - d) / 10) ? UINT64_MAX : fd * 10 + d;
    }

    Result<std::vector<std::string>> words = lex_words(rest, false, false);
    if (!words) return words.error();
    if (words->size() != 1) return std::optional<Heredoc>{};
    Result<std::vector<std::string>> raw = lex_words(rest, true, false);
    if (!raw) return raw.error();
    if (raw->size() != words->size()) {
        return Error{ErrorKind::Syntax,
                     "internal lexing of heredoc produced inconsistent results: " + std::string(rest)};
    }
    Heredoc doc;
    doc.name = std::move((*words)[0]);
    doc.expand = count_quotes(doc.name) == count_quotes((*raw)[0]);
    doc.chomp = chomp;
    doc.fd = fd;
    return std::optional<Heredoc>{std::move(doc)};
}

Result<std::vector<Heredoc>> heredocs_from_line(std::string_view line) {
    std::vector<Heredoc> docs;
    Result<std::vector<std::string>> words = lex_words(line, true, true);
    if (!words) return docs;  // BuildKit ignores the lexer's error here
    for (const std::string& word : *words) {
        Result<std::optional<Heredoc>> doc = parse_heredoc(word);
        if (!doc) return doc.error();
        if (*doc) docs.push_back(std::move(**doc));
    }
    return docs;
}

std::string chomp_heredoc_content(std::string_view content) {
    std::string out;
    out.reserve(content.size());
    bool line_start = true;
    for (char c : content) {
        if (line_start && c == '\t') continue;
        line_start = c == '\n';
        out += c;
    }
    return out;
}

}  // namespace restage::model::bk
