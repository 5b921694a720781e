// shell_expand.cpp: BuildKit's $VAR and ${VAR...} expansion: names, modifiers, patterns, replacement.
#include "model/shell_pattern.hpp"
#include "model/shell_word.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model::detail {
namespace {

using go::kEof;
using go::rune_t;

bool is_special_param(rune_t ch) {
    switch (ch) {
        case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
            return true;
        default:
            return false;
    }
}

}  // namespace

// BuildKit recurses on Go's growable stack; restage bounds the ${...} nesting (a real file nests
// two or three) so that a hostile one cannot overflow the stack.
constexpr int kMaxNesting = 100;

Result<std::string> ShellWord::process_dollar() {
    struct Depth {
        int& d;
        explicit Depth(int& depth) : d(++depth) {}
        ~Depth() { --d; }
    } depth(depth_);
    if (depth_ > kMaxNesting)
        return lex_error("variables nested more than " + std::to_string(kMaxNesting) + " deep");
    sc_.next();
    if (sc_.peek() != '{') {
        const std::string name = process_name();
        if (name.empty()) return std::string("$");
        auto value = get_env(name);
        if (!value && opt_.skip_unset_env) return "$" + name;
        return value.value_or("");
    }
    sc_.next();
    switch (sc_.peek()) {
        case kEof:
            return lex_error("syntax error: missing '}'");
        case '{': case '}': case ':':
            return lex_error("syntax error: bad substitution");
        default:
            break;
    }
    const std::string name = process_name();
    rune_t ch = sc_.next();
    std::string chs = go::rune_string(ch);
    switch (ch) {
        case '}': {
            auto value = get_env(name);
            if (!value && opt_.skip_unset_env) return "${" + name + "}";
            return value.value_or("");
        }
        case ':':
            ch = sc_.next();
            chs += go::rune_string(ch);
            return process_modifier(name, ch, chs, true);
        case '+': case '-': case '?': case '#': case '%':
            return process_modifier(name, ch, chs, false);
        case '/':
            return process_replace(name);
        default:
            return lex_error("unsupported modifier (" + chs + ") in substitution");
    }
}

std::string ShellWord::process_name() {
    // A name is letters, digits and _; a leading digit reads only digits; a special parameter
    // ($@ $* $# $? $- $$ $! $0) is one character.
    std::string name;
    while (sc_.peek() != kEof) {
        rune_t ch = sc_.peek();
        const auto c = static_cast<char32_t>(ch);
        if (name.empty() && unicode::is_digit(c)) {
            while (sc_.peek() != kEof && unicode::is_digit(static_cast<char32_t>(sc_.peek()))) put(name, sc_.next());
            return name;
        }
        if (name.empty() && is_special_param(ch)) return go::rune_string(sc_.next());
        if (!unicode::is_letter(c) && !unicode::is_digit(c) && ch != '_') break;
        put(name, sc_.next());
    }
    return name;
}


std::optional<std::string> ShellWord::get_env(const std::string& name) {
    auto v = env_(name);
    (v ? matched : unmatched).insert(name);
    return v;
}


Result<std::string> ShellWord::process_modifier(const std::string& name, rune_t ch, std::string chs,
                                                bool null_is_unset) {
    const bool raw = ch == '#' || ch == '%';
    if (null_is_unset && raw) return lex_error("unsupported modifier (" + chs + ") in substitution");
    auto sub = process_stop_on('}', raw);
    if (!sub) {
        if (sc_.peek() == kEof) return lex_error("syntax error: missing '}'");
        return sub.error();
    }
    std::string word = std::move(sub->word);
    auto value = get_env(name);
    if (opt_.skip_unset_env && !value) return "${" + name + chs + word + "}";
    const bool empty = null_is_unset && value && value->empty();
    switch (ch) {
        case '-':
            return !value || empty ? word : *value;
        case '+':
            return !value || empty ? std::string() : word;
        case '?':
            if (!value) return lex_error(name + ": " + (word.empty() ? "is not allowed to be unset" : word));
            if (empty) return lex_error(name + ": " + (word.empty() ? "is not allowed to be empty" : word));
            return *value;
        case '%': case '#': {
            // One % or # takes the shortest match, two the longest.
            bool greedy = false;
            if (!word.empty() && static_cast<unsigned char>(word[0]) == static_cast<unsigned>(ch)) {
                greedy = true;
                word.erase(0, 1);
            }
            const std::string v = value.value_or("");
            return ch == '%' ? shell_pattern::trim_suffix(word, v, greedy) : shell_pattern::trim_prefix(word, v, greedy);
        }
        default:
            return lex_error("unsupported modifier (" + chs + ") in substitution");
    }
}

Result<std::string> ShellWord::process_replace(const std::string& name) {
    const bool replace_all = sc_.peek() == '/';
    if (replace_all) sc_.next();
    auto pattern = process_stop_on('/', true);
    if (!pattern) {
        if (sc_.peek() == kEof) return lex_error("syntax error: missing '/' in ${}");
        return pattern.error();
    }
    auto replacement = process_stop_on('}', true);
    if (!replacement) {
        if (sc_.peek() == kEof) return lex_error("syntax error: missing '}'");
        return replacement.error();
    }
    auto value = get_env(name);
    if (opt_.skip_unset_env && !value) return "${" + name + "/" + pattern->word + "/" + replacement->word + "}";
    auto re = shell_pattern::compile(pattern->word, true, false);
    if (!re)
        return lex_error("invalid pattern (" + pattern->word + ") in substitution: " + re.error().message);
    std::string v = value.value_or("");
    if (replace_all) return shell_pattern::replace_all(*re, v, replacement->word);
    if (auto m = shell_pattern::find(*re, v)) return v.substr(0, m->first) + replacement->word + v.substr(m->second);
    return v;
}

}  // namespace restage::model::detail
