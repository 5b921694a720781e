// shell_lex.cpp: a rune-for-rune port of BuildKit's shell.Lex word processing: words, quotes, escapes.
#include "model/shell_lex.hpp"

#include <map>

#include "model/shell_word.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model {
namespace detail {
namespace {

using go::kEof;
using go::rune_t;

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

bool is_heredoc_space(rune_t ch) {
    return ch == '\t' || ch == '\r' || ch == ' ';
}

}  // namespace

Result<Processed> ShellWord::process_stop_on(rune_t stop, bool raw_escapes) {
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


Result<std::string> ShellWord::process_single_quote() {
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

Result<std::string> ShellWord::process_double_quote() {
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

Result<std::string> ShellWord::process_possible_heredoc() {
    sc_.next();
    if (sc_.peek() != '<') return std::string("<");
    sc_.next();
    std::string result = "<<";
    while (is_heredoc_space(sc_.peek())) put(result, sc_.next());
    return result;
}

}  // namespace detail

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
    detail::ShellWord sw(word, env, options);
    auto processed = sw.process_stop_on(go::kEof, options.raw_escapes);
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
