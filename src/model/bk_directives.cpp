// bk_directives.cpp: DirectiveParser.ParseLine, setEscapeToken and the scan of a file's top lines.
#include "model/bk_directives.hpp"

#include <algorithm>
#include <utility>

#include "model/bk_text.hpp"

namespace restage::model::bk {
namespace {

// RE2's \s: [\t\n\f\r ] (no \v).
bool is_re2_space(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

struct KeyValue {
    std::string_view key;
    std::string_view value;
};

// ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ with Go's leftmost-first preferences.
std::optional<KeyValue> match_directive(std::string_view s) {
    if (s.empty() || !is_alpha(s[0])) return std::nullopt;
    std::size_t i = 1;
    while (i < s.size() && is_alnum(s[i])) ++i;
    const std::string_view key = s.substr(0, i);
    while (i < s.size() && is_re2_space(s[i])) ++i;
    if (i == s.size() || s[i] != '=') return std::nullopt;
    ++i;
    const std::size_t after_eq = i;
    while (i < s.size() && is_re2_space(s[i])) ++i;
    if (s.find('\n', after_eq) != std::string_view::npos) return std::nullopt;  // '.' stops at \n
    std::string_view value = s.substr(i);
    while (!value.empty() && is_re2_space(value.back())) value.remove_suffix(1);
    if (!value.empty()) return KeyValue{key, value};
    // Only white space after '=': the greedy \s* gives back one character for (.+?).
    if (i == after_eq) return std::nullopt;
    return KeyValue{key, s.substr(s.size() - 1)};
}

}  // namespace

Result<std::optional<Directive>> DirectiveParser::parse_line(std::string_view line) {
    ++line_;
    if (done_) return std::optional<Directive>{};
    line = trim_left_space(trim_newline(line));
    if (line.empty() || line[0] != '#') {
        done_ = true;
        return std::optional<Directive>{};
    }
    const std::optional<KeyValue> kv = match_directive(trim_left_space(line.substr(1)));
    if (!kv) {
        done_ = true;
        return std::optional<Directive>{};
    }
    std::string key = to_lower(kv->key);
    if (key != "syntax" && key != "escape" && key != "check") {
        done_ = true;
        return std::optional<Directive>{};
    }
    if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) {
        return Error{ErrorKind::Syntax, "only one " + key + " parser directive can be used", {line_, 0}};
    }
    seen_.push_back(key);
    return std::optional<Directive>{Directive{std::move(key), std::string(kv->value), line_}};
}

Result<char> escape_token(std::string_view value) {
    if (value == "`" || value == "\\") return value[0];
    return Error{ErrorKind::Syntax, "invalid escape token '" + std::string(value) + "' does not match ` or \\"};
}

Result<Directives> parse_directives(std::string_view text) {
    Directives out;
    DirectiveParser parser;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    while (!parser.done() && !text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = nl == std::string_view::npos ? text : text.substr(0, nl + 1);
        text.remove_prefix(line.size());
        Result<std::optional<Directive>> d = parser.parse_line(line);
        if (!d) return d.error();
        if (!*d) continue;
        if ((*d)->name == "escape") {
            Result<char> esc = escape_token((*d)->value);
            if (!esc) return Error{ErrorKind::Syntax, esc.error().message, {(*d)->line, 0}};
            out.escape = *esc;
        }
        out.list.push_back(std::move(**d));
    }
    return out;
}

}  // namespace restage::model::bk
