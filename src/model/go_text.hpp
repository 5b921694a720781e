// go_text.hpp: the few Go string primitives BuildKit's messages and lexer depend on, byte-exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace restage::model::go {

/// A decoded code point and the bytes it took.
struct Rune {
    char32_t value = 0;
    std::size_t width = 0;
};

/// U+FFFD, what Go decodes every invalid byte to.
inline constexpr char32_t kRuneError = 0xFFFD;

/// utf8.DecodeRuneInString: the rune at `pos`; an invalid or truncated sequence is {U+FFFD, 1};
/// at the end of `s` it is {U+FFFD, 0}.
Rune decode_rune(std::string_view s, std::size_t pos = 0);

/// strings.Builder.WriteRune: appends `r` as UTF-8 (surrogates and out-of-range values as U+FFFD).
void append_rune(std::string& out, char32_t r);

/// strconv.Quote (also what fmt's %q and %#v print for a string).
std::string quote(std::string_view s);

/// strings.TrimSpace: trims unicode.IsSpace runes from both ends.
std::string_view trim_space(std::string_view s);

/// strings.ToLower / strings.ToUpper, for ASCII letters only (see the known gaps in shell_lex.hpp).
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);

/// strings.EqualFold for ASCII, plus U+017F (long s), which Go folds to 's'.
bool equal_fold(std::string_view a, std::string_view b);

}  // namespace restage::model::go

namespace restage::model::go {

/// A rune as Go's text/scanner returns it: a code point, or kEof.
using rune_t = std::int32_t;
inline constexpr rune_t kEof = -1;

/// text/scanner.Scanner's Peek/Next over a string: UTF-8 decoded (invalid bytes read as U+FFFD),
/// a byte-order mark at the very start skipped.
class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }
    rune_t peek() const {
        if (pos_ >= s_.size()) return kEof;
        return static_cast<rune_t>(decode_rune(s_, pos_).value);
    }
    rune_t next() {
        if (pos_ >= s_.size()) return kEof;
        const Rune r = decode_rune(s_, pos_);
        pos_ += r.width;
        return static_cast<rune_t>(r.value);
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

/// string(r) for a rune: UTF-8, with kEof and invalid values as U+FFFD (also what %c prints).
inline std::string rune_string(rune_t r) {
    std::string out;
    append_rune(out, r < 0 ? kRuneError : static_cast<char32_t>(r));
    return out;
}

}  // namespace restage::model::go
