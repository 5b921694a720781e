// shell_lex.cpp: a rune-for-rune port of BuildKit's shell.Lex word processing (frontend/dockerfile/shell).
#include "model/shell_lex.hpp"

#include <map>

#include "model/go_text.hpp"
#include "model/shell_pattern.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model {
namespace {

using go::kEof;
using go::rune_t;

Error lex_error(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

void put(std::string& out, rune_t r) {
    go::append_rune(out, static_cast<char32_t>(r));
}

// BuildKit's wordsStruct. Its buffer is shared by every nesting level of processStopOn and reset
// on entry to each, so text before a nested ${...} is lost from the split words: a BuildKit quirk
// (ProcessWords("a${x:-b}c") is ["bc"]) that we keep on purpose.
struct Words {
    std::string* buf;
    std::vector<std::string> words;
    bool in_word = false;

    void add_char(rune_t ch) {
        const bool space = unicode::is_space(static_cast<char32_t>(ch));
        if (space && in_word) {
            if (!buf->empty()) {
                words.push_back(*buf);
                buf->clear();
                in_word = false;
            }
        } else if (!space) {
            add_raw_char(ch);
        }
    }
    void add_raw_char(rune_t ch) {
        put(*buf, ch);
        in_word = true;
    }
    void add_string(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const go::Rune r = go::decode_rune(s, i);
            add_char(static_cast<rune_t>(r.value));
            i += r.width;
        }
    }
    void add_raw_string(std::string_view s) {
        buf->append(s);
        in_word = true;
    }
    std::vector<std::string> get_words() {
        if (!buf->empty()) {
            words.push_back(*buf);
            buf->clear();
            in_word = false;
        }
        return words;
    }
};

struct Processed {
    std::string word;
    std::vector<std::string> words;
};

bool is_special_param(rune_t ch) {
    switch (ch) {
        case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
            return true;
        default:
            return false;
    }
}

bool is_heredoc_space(rune_t ch) {
    return ch == '\t' || ch == '\r' || ch == ' ';
}

class ShellWord {
public:
    ShellWord(std::string_view word, const EnvLookup& env, const LexOptions& options)
        : sc_(word), env_(env), opt_(options), raw_escapes_(options.raw_escapes) {}

    Result<Processed> process_stop_on(rune_t stop, bool raw_escapes) {
        struct Restore {
            bool& flag;
            bool saved;
            ~Restore() { flag = saved; }
        } restore{raw_escapes_, raw_escapes_};
        raw_escapes_ = raw_escapes;

        std::string result;
        words_buffer_.clear();
        Words words{&words_buffer_, {}, false};
        while (sc_.peek() != kEof) {
            rune_t ch = sc_.peek();
            if (stop != kEof && ch == stop) {
                sc_.next();
                return Processed{result, words.get_words()};
            }
            const bool quote = !opt_.skip_process_quotes && (ch == '\'' || ch == '"');
            if (ch == '$' || ch == '<' || quote) {
                auto tmp = ch == '$'    ? process_dollar()
                           : ch == '<'  ? process_possible_heredoc()
                           : ch == '\'' ? process_single_quote()
                                        : process_double_quote();
                if (!tmp) return tmp.error();
                result += *tmp;
                if (ch == '$') {
                    words.add_string(*tmp);
                } else {
                    words.add_raw_string(*tmp);
                }
                continue;
            }
            ch = sc_.next();
            if (ch == static_cast<rune_t>(opt_.escape)) {
                if (raw_escapes_) {
                    words.add_raw_char(ch);
                    put(result, ch);
                }
                // The escape token escapes the next character; at the end of the word it vanishes.
                ch = sc_.next();
                if (ch == kEof) break;
                words.add_raw_char(ch);
            } else {
                words.add_char(ch);
            }
            put(result, ch);
        }
        if (stop != kEof)
            return lex_error("unexpected end of statement while looking for matching " + go::rune_string(stop));
        return Processed{result, words.get_words()};
    }

    std::set<std::string> matched, unmatched;

private:
    Result<std::string> process_single_quote() {
        // Everything up to the next ' is literal; a ' cannot be escaped inside.
        std::string result;
        rune_t ch = sc_.next();
        if (opt_.raw_quotes) put(result, ch);
        for (;;) {
            ch = sc_.next();
            if (ch == kEof) return lex_error("unexpected end of statement while looking for matching single-quote");
            if (ch == '\'') {
                if (opt_.raw_quotes) put(result, ch);
                return result;
            }
            put(result, ch);
        }
    }

    Result<std::string> process_double_quote() {
        // Literal except $, and the escape token before " $ or itself.
        std::string result;
        rune_t ch = sc_.next();
        if (opt_.raw_quotes) put(result, ch);
        for (;;) {
            const rune_t next = sc_.peek();
            if (next == kEof) return lex_error("unexpected end of statement while looking for matching double-quote");
            if (next == '"') {
                ch = sc_.next();
                if (opt_.raw_quotes) put(result, ch);
                return result;
            }
            if (next == '$') {
                auto value = process_dollar();
                if (!value) return value;
                result += *value;
                continue;
            }
            ch = sc_.next();
            if (ch == static_cast<rune_t>(opt_.escape)) {
                if (raw_escapes_) put(result, ch);
                const rune_t after = sc_.peek();
                if (after == kEof) continue;  // a trailing escape is dropped; the quote stays open
                if (after == '"' || after == '$' || after == static_cast<rune_t>(opt_.escape)) ch = sc_.next();
            }
            put(result, ch);
        }
    }

    Result<std::string> process_dollar();

    std::string process_name() {
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

    Result<std::string> process_possible_heredoc() {
        sc_.next();
        if (sc_.peek() != '<') return std::string("<");
        sc_.next();
        std::string result = "<<";
        while (is_heredoc_space(sc_.peek())) put(result, sc_.next());
        return result;
    }

    std::optional<std::string> get_env(const std::string& name) {
        auto v = env_(name);
        (v ? matched : unmatched).insert(name);
        return v;
    }

    Result<std::string> process_modifier(const std::string& name, rune_t ch, std::string chs, bool null_is_unset);
    Result<std::string> process_replace(const std::string& name);

    go::Scanner sc_;
    const EnvLookup& env_;
    const LexOptions& opt_;
    bool raw_escapes_;
    std::string words_buffer_;
};

Result<std::string> ShellWord::process_dollar() {
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

}  // namespace

EnvLookup env_from_entries(std::vector<std::string> entries) {
    std::map<std::string, std::string> env;
    for (const auto& e : entries) {
        const auto eq = e.find('=');
        if (eq == std::string::npos) {
            env[e] = "";
        } else {
            env[e.substr(0, eq)] = e.substr(eq + 1);
        }
    }
    return [env = std::move(env)](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
}

EnvLookup empty_env() {
    return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
}

Result<LexResult> lex_word(std::string_view word, const EnvLookup& env, const LexOptions& options) {
    ShellWord sw(word, env, options);
    auto processed = sw.process_stop_on(kEof, options.raw_escapes);
    if (!processed) {
        Error e = processed.error();
        e.message = "failed to process " + go::quote(word) + ": " + e.message;
        return e;
    }
    return LexResult{std::move(processed->word), std::move(processed->words), std::move(sw.matched),
                     std::move(sw.unmatched)};
}

Result<std::string> process_word(std::string_view word, const EnvLookup& env, const LexOptions& options) {
    auto r = lex_word(word, env, options);
    if (!r) return r.error();
    return std::move(r->word);
}

Result<std::vector<std::string>> process_words(std::string_view word, const EnvLookup& env,
                                               const LexOptions& options) {
    auto r = lex_word(word, env, options);
    if (!r) return r.error();
    return std::move(r->words);
}

}  // namespace restage::model
