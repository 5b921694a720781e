// bk_heredoc_lex.cpp: shell word splitting as BuildKit's heredoc detection runs it (no variables).
#include "model/bk_heredoc_lex.hpp"

#include <utility>

#include "model/bk_text.hpp"
#include "model/unicode_tables.hpp"

namespace restage::model::bk {
namespace {

using go::kEof;
using go::rune_string;
using go::rune_t;

Error lex_error(std::string message) { return Error{ErrorKind::Syntax, std::move(message)}; }

bool is_special_param(rune_t c) {
    return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' || c == '0';
}

// wordsStruct: `buf` is the lexer's single shared buffer, which every nested scan clears.
struct Words {
    explicit Words(std::string* buffer) : buf(buffer) {}

    std::string* buf;
    std::vector<std::string> words;
    bool in_word = false;

    void add_raw_char(rune_t ch) {
        append_rune(*buf, static_cast<char32_t>(ch));
        in_word = true;
    }
    void add_char(rune_t ch) {
        if (unicode::is_space(ch) && in_word) {
            if (!buf->empty()) {
                words.push_back(*buf);
                buf->clear();
                in_word = false;
            }
        } else if (!unicode::is_space(ch)) {
            add_raw_char(ch);
        }
    }
    void add_string(std::string_view s) {
        while (!s.empty()) {
            const Rune r = decode_rune(s);
            add_char(r.value);
            s.remove_prefix(r.width);
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

struct Scanned {
    std::string result;
    std::vector<std::string> words;
};

class Lexer {
public:
    Lexer(std::string_view src, HeredocLexOptions options)
        : scanner_(src), raw_quotes_(options.raw_quotes), raw_escapes_(options.raw_escapes) {}

    Result<Scanned> process_stop_on(rune_t stop, bool raw_escapes) {
        const bool saved = raw_escapes_;
        raw_escapes_ = raw_escapes;
        Result<Scanned> out = scan(stop);
        raw_escapes_ = saved;
        return out;
    }

private:
    rune_t peek() const { return scanner_.peek(); }
    rune_t next() { return scanner_.next(); }

    static void append(std::string& out, rune_t r) { append_rune(out, static_cast<char32_t>(r)); }

    Result<Scanned> scan(rune_t stop) {
        std::string result;
        buffer_.clear();
        Words words{&buffer_};
        while (peek() != kEof) {
            rune_t ch = peek();
            if (stop != kEof && ch == stop) {
                next();
                return Scanned{std::move(result), words.get_words()};
            }
            if (ch == '$' || ch == '<' || ch == '\'' || ch == '"') {
                Result<std::string> tmp = ch == '$'    ? dollar()
                                          : ch == '<'  ? possible_heredoc()
                                          : ch == '\'' ? single_quote()
                                                       : double_quote();
                if (!tmp) return tmp.error();
                result += *tmp;
                if (ch == '$') words.add_string(*tmp);
                else words.add_raw_string(*tmp);
                continue;
            }
            ch = next();
            if (ch == '\\') {
                if (raw_escapes_) {
                    words.add_raw_char(ch);
                    append(result, ch);
                }
                ch = next();
                if (ch == kEof) break;
                words.add_raw_char(ch);
            } else {
                words.add_char(ch);
            }
            append(result, ch);
        }
        if (stop != kEof) {
            return lex_error("unexpected end of statement while looking for matching " + rune_string(stop));
        }
        return Scanned{std::move(result), words.get_words()};
    }

    Result<std::string> single_quote() {
        std::string out;
        rune_t ch = next();
        if (raw_quotes_) append(out, ch);
        for (;;) {
            ch = next();
            if (ch == kEof) return lex_error("unexpected end of statement while looking for matching single-quote");
            if (ch == '\'') {
                if (raw_quotes_) append(out, ch);
                return out;
            }
            append(out, ch);
        }
    }

    Result<std::string> double_quote() {
        std::string out;
        rune_t ch = next();
        if (raw_quotes_) append(out, ch);
        for (;;) {
            const rune_t c = peek();
            if (c == kEof) return lex_error("unexpected end of statement while looking for matching double-quote");
            if (c == '"') {
                next();
                if (raw_quotes_) out += '"';
                return out;
            }
            if (c == '$') {
                Result<std::string> value = dollar();
                if (!value) return value.error();
                out += *value;
                continue;
            }
            ch = next();
            if (ch == '\\') {
                // With raw escapes the backslash is written here and, unless it escapes
                // " $ or \, once more below: BuildKit doubles it.
                if (raw_escapes_) append(out, ch);
                const rune_t after = peek();
                if (after == kEof) continue;
                if (after == '"' || after == '$' || after == '\\') ch = next();
            }
            append(out, ch);
        }
    }

    std::string process_name() {
        std::string name;
        while (peek() != kEof) {
            const rune_t ch = peek();
            if (name.empty() && unicode::is_digit(ch)) {
                while (peek() != kEof && unicode::is_digit(peek())) append(name, next());
                return name;
            }
            if (name.empty() && is_special_param(ch)) {
                next();
                return rune_string(ch);
            }
            if (!unicode::is_letter(ch) && !unicode::is_digit(ch) && ch != '_') break;
            append(name, next());
        }
        return name;
    }

    // No variable is ever set, so every expansion is returned as written (SkipUnsetEnv).
    Result<std::string> dollar() {
        next();
        if (peek() != '{') {
            const std::string name = process_name();
            return "$" + name;
        }
        next();
        const rune_t first = peek();
        if (first == kEof) return lex_error("syntax error: missing '}'");
        if (first == '{' || first == '}' || first == ':') return lex_error("syntax error: bad substitution");
        const std::string name = process_name();
        rune_t ch = next();
        std::string chs = rune_string(ch);
        bool null_is_unset = false;
        switch (ch) {
            case '}':
                return "${" + name + "}";
            case ':':
                null_is_unset = true;
                ch = next();
                chs += rune_string(ch);
                [[fallthrough]];
            case '+': case '-': case '?': case '#': case '%': {
                const bool raw = ch == '#' || ch == '%';
                if (null_is_unset && raw) return lex_error("unsupported modifier (" + chs + ") in substitution");
                Result<Scanned> word = process_stop_on('}', raw);
                if (!word) {
                    if (peek() == kEof) return lex_error("syntax error: missing '}'");
                    return word.error();
                }
                return "${" + name + chs + word->result + "}";
            }
            case '/': {
                if (peek() == '/') next();  // ${x//a/b} is printed back as ${x/a/b}
                Result<Scanned> pattern = process_stop_on('/', true);
                if (!pattern) {
                    if (peek() == kEof) return lex_error("syntax error: missing '/' in ${}");
                    return pattern.error();
                }
                Result<Scanned> replacement = process_stop_on('}', true);
                if (!replacement) {
                    if (peek() == kEof) return lex_error("syntax error: missing '}'");
                    return replacement.error();
                }
                return "${" + name + "/" + pattern->result + "/" + replacement->result + "}";
            }
            default:
                return lex_error("unsupported modifier (" + chs + ") in substitution");
        }
    }

    Result<std::string> possible_heredoc() {
        next();
        if (peek() != '<') return std::string("<");
        next();
        std::string out = "<<";
        while (peek() == '\t' || peek() == '\r' || peek() == ' ') append(out, next());
        return out;
    }

    go::Scanner scanner_;
    bool raw_quotes_;
    bool raw_escapes_;
    std::string buffer_;  // shell.shellWord.wordsBuffer
};

}  // namespace

Result<std::vector<std::string>> lex_words(std::string_view input, HeredocLexOptions options) {
    Lexer lexer(input, options);
    Result<Scanned> scanned = lexer.process_stop_on(kEof, options.raw_escapes);
    if (!scanned) {
        return Error{ErrorKind::Syntax, "failed to process " + go_quote(input) + ": " + scanned.error().message};
    }
    return std::move(scanned->words);
}

}  // namespace restage::model::bk
