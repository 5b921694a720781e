// shell_pattern.cpp: BuildKit's shell-pattern regexps, run by a memoised leftmost-first backtracker.
#include "model/shell_pattern.hpp"

#include <fmt/format.h>

#include "model/go_text.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model::shell_pattern {
namespace {

Error pattern_error(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

// Go's regexp gives leftmost-first (Perl) semantics; a backtracker that tries greedy stars longest
// first and lazy stars shortest first finds the same match. Memoising (token, position) keeps
// patterns like `*a*a*a` linear-ish instead of exponential.
class Matcher {
public:
    Matcher(const Pattern& p, std::string_view s)
        : p_(p), s_(s), memo_((p.tokens.size() + 1) * (s.size() + 1), kUnknown) {}

    std::optional<std::size_t> match(std::size_t tok, std::size_t pos) {
        long& slot = memo_[tok * (s_.size() + 1) + pos];
        if (slot == kUnknown) slot = compute(tok, pos);
        if (slot == kFail) return std::nullopt;
        return static_cast<std::size_t>(slot);
    }

private:
    static constexpr long kUnknown = -2, kFail = -1;

    long compute(std::size_t tok, std::size_t pos) {
        if (tok == p_.tokens.size()) return static_cast<long>(pos);
        const auto& t = p_.tokens[tok];
        const go::Rune r = go::decode_rune(s_, pos);
        switch (t.kind) {
            case Pattern::Kind::Literal:
                if (r.width == 0 || r.value != t.rune) return kFail;
                return result(match(tok + 1, pos + r.width));
            case Pattern::Kind::AnyRune:
                if (r.width == 0 || r.value == '\n') return kFail;
                return result(match(tok + 1, pos + r.width));
            case Pattern::Kind::Star: {
                // `.` never matches a newline, so a star stops at one.
                std::vector<std::size_t> ends{pos};
                for (std::size_t q = pos; q < s_.size();) {
                    const go::Rune c = go::decode_rune(s_, q);
                    if (c.value == '\n') break;
                    q += c.width;
                    ends.push_back(q);
                }
                if (p_.greedy) {
                    for (auto it = ends.rbegin(); it != ends.rend(); ++it)
                        if (auto m = match(tok + 1, *it)) return static_cast<long>(*m);
                } else {
                    for (std::size_t e : ends)
                        if (auto m = match(tok + 1, e)) return static_cast<long>(*m);
                }
                return kFail;
            }
        }
        return kFail;
    }

    static long result(std::optional<std::size_t> m) { return m ? static_cast<long>(*m) : kFail; }

    const Pattern& p_;
    std::string_view s_;
    std::vector<long> memo_;
};

// regexp.Regexp.Expand for a pattern whose only group is the whole match.
void expand(std::string& out, std::string_view tmpl, std::string_view match) {
    while (!tmpl.empty()) {
        const std::size_t dollar = tmpl.find('$');
        if (dollar == std::string_view::npos) break;
        out += tmpl.substr(0, dollar);
        tmpl.remove_prefix(dollar + 1);
        if (!tmpl.empty() && tmpl[0] == '$') {
            out += '$';
            tmpl.remove_prefix(1);
            continue;
        }
        std::string_view rest = tmpl;
        const bool brace = !rest.empty() && rest[0] == '{';
        if (brace) rest.remove_prefix(1);
        std::size_t i = 0;
        while (i < rest.size()) {
            const go::Rune r = go::decode_rune(rest, i);
            if (!unicode::is_letter(r.value) && !unicode::is_digit(r.value) && r.value != '_') break;
            i += r.width;
        }
        if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
            out += '$';  // malformed: the dollar is literal text
            continue;
        }
        const std::string_view name = rest.substr(0, i);
        tmpl = rest.substr(brace ? i + 1 : i);
        if (name == "0") out += match;  // group 0; there are no others, and no named groups
    }
    out += tmpl;
}

}  // namespace

Result<Pattern> compile(std::string_view pattern, bool greedy, bool anchored) {
    Pattern p;
    p.greedy = greedy;
    p.anchored = anchored;
    go::Scanner sc(pattern);
    for (go::rune_t tok = sc.next(); tok != go::kEof; tok = sc.next()) {
        if (tok == '*') {
            p.tokens.push_back({Pattern::Kind::Star});
            continue;
        }
        if (tok == '?') {
            p.tokens.push_back({Pattern::Kind::AnyRune});
            continue;
        }
        if (tok == '\\') {
            if (sc.peek() == '}' || sc.peek() == '/') continue;
            tok = sc.next();
            if (tok != '*' && tok != '?' && tok != '\\')
                return pattern_error(fmt::format("invalid escape '\\{}'", go::rune_string(tok)));
        }
        p.tokens.push_back({Pattern::Kind::Literal, static_cast<char32_t>(tok)});
    }
    return p;
}

std::optional<std::pair<std::size_t, std::size_t>> find(const Pattern& p, std::string_view s,
                                                         std::size_t from) {
    Matcher m(p, s);
    for (std::size_t start = from; start <= s.size();) {
        if (p.anchored && start != 0) break;
        if (auto end = m.match(0, start)) return std::make_pair(start, *end);
        if (start == s.size()) break;
        start += go::decode_rune(s, start).width;
    }
    return std::nullopt;
}

std::string replace_all(const Pattern& p, std::string_view s, std::string_view repl) {
    std::string out;
    std::size_t last_end = 0, search = 0;
    while (search <= s.size()) {
        const auto m = find(p, s, search);
        if (!m) break;
        out += s.substr(last_end, m->first - last_end);
        // No replacement for an empty match right after the previous match.
        if (m->second > last_end || m->first == 0) expand(out, repl, s.substr(m->first, m->second - m->first));
        last_end = m->second;
        const std::size_t width = go::decode_rune(s, search).width;
        if (search + width > m->second) {
            search += width;
        } else if (search + 1 > m->second) {
            search += 1;
        } else {
            search = m->second;
        }
    }
    out += s.substr(last_end);
    return out;
}

Result<std::string> trim_prefix(std::string_view pattern, std::string_view value, bool greedy) {
    auto re = compile(pattern, greedy, true);
    if (!re)
        return pattern_error(fmt::format("invalid pattern ({}) in substitution: {}", pattern, re.error().message));
    if (auto m = find(*re, value)) return std::string(value.substr(m->second));
    return std::string(value);
}

Result<std::string> trim_suffix(std::string_view pattern, std::string_view value, bool greedy) {
    // A regexp cannot find the shortest rightmost match, so reverse both and trim a prefix.
    auto trimmed = trim_prefix(reverse_pattern(pattern), reverse_string(value), greedy);
    if (!trimmed) return trimmed;
    return reverse_string(*trimmed);
}

std::string reverse_pattern(std::string_view pattern) {
    std::vector<char32_t> runes;
    for (std::size_t i = 0; i < pattern.size();) {
        const go::Rune r = go::decode_rune(pattern, i);
        runes.push_back(r.value);
        i += r.width;
    }
    std::vector<char32_t> out(runes.size());
    const std::size_t n = runes.size();
    for (std::size_t i = 0; i < n;) {
        const std::size_t o = n - 1 - i;
        if (runes[i] == '\\' && i != n - 1) {
            out[o - 1] = runes[i];
            out[o] = runes[i + 1];
            i += 2;
        } else {
            out[o] = runes[i];
            i += 1;
        }
    }
    std::string s;
    for (char32_t r : out) go::append_rune(s, r);
    return s;
}

std::string reverse_string(std::string_view s) {
    std::vector<char32_t> runes;
    for (std::size_t i = 0; i < s.size();) {
        const go::Rune r = go::decode_rune(s, i);
        runes.push_back(r.value);
        i += r.width;
    }
    std::string out;
    for (auto it = runes.rbegin(); it != runes.rend(); ++it) go::append_rune(out, *it);
    return out;
}

}  // namespace restage::model::shell_pattern
