// bk_text.cpp: Go string semantics (TrimLeftFunc, ToLower, regexp Split, %q of a []string).
#include "model/bk_text.hpp"

#include "model/unicode_tables.hpp"

namespace restage::model::bk {
namespace {

bool is_regex_space(char c) { return c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' '; }

// unicode.ToLower for the scripts Dockerfile keywords and flags plausibly use; everything else
// is returned unchanged.
char32_t lower_rune(char32_t r) {
    if (r < 0x80) return (r >= 'A' && r <= 'Z') ? r + 32 : r;
    if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return r + 32;
    if (r == 0x130) return U'i';
    if (r == 0x178) return 0xFF;
    if ((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177)) return (r % 2 == 0) ? r + 1 : r;
    if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)) return (r % 2 == 1) ? r + 1 : r;
    if (r == 0x386) return 0x3AC;
    if (r >= 0x388 && r <= 0x38A) return r + 37;
    if (r == 0x38C) return 0x3CC;
    if (r == 0x38E || r == 0x38F) return r + 63;
    if ((r >= 0x391 && r <= 0x3A1) || (r >= 0x3A3 && r <= 0x3AB)) return r + 32;
    if (r >= 0x400 && r <= 0x40F) return r + 80;
    if (r >= 0x410 && r <= 0x42F) return r + 32;
    if ((r >= 0x460 && r <= 0x481) || (r >= 0x48A && r <= 0x4BF)) return (r % 2 == 0) ? r + 1 : r;
    if ((r >= 0x1E00 && r <= 0x1E95) || (r >= 0x1EA0 && r <= 0x1EFF)) return (r % 2 == 0) ? r + 1 : r;
    if (r == 0x2126) return 0x3C9;
    if (r == 0x212A) return U'k';
    if (r == 0x212B) return 0xE5;
    if (r >= 0x2160 && r <= 0x216F) return r + 16;
    if (r >= 0x24B6 && r <= 0x24CF) return r + 26;
    if (r >= 0xFF21 && r <= 0xFF3A) return r + 32;
    if (r >= 0x10400 && r <= 0x10427) return r + 40;
    return r;
}

}  // namespace

bool is_space_byte(unsigned char b) {
    return b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r' || b == ' ' || b == 0x85 ||
           b == 0xA0;
}

std::string_view trim_left_space(std::string_view s) {
    while (!s.empty()) {
        const Rune r = decode_rune(s);
        if (!unicode::is_space(r.value)) break;
        s.remove_prefix(r.width);
    }
    return s;
}

std::string_view trim_newline(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        return out;
    }
    while (!s.empty()) {
        const Rune r = decode_rune(s);
        append_rune(out, lower_rune(r.value));
        s.remove_prefix(r.width);
    }
    return out;
}

std::vector<std::string> split_whitespace(std::string_view s, int n) {
    if (n == 0) return {};
    if (s.empty()) return {""};
    std::vector<std::string> out;
    std::size_t beg = 0;
    std::size_t pos = 0;
    int matches = 0;
    while (pos < s.size() && (n < 0 || matches < n)) {
        if (!is_regex_space(s[pos])) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < s.size() && is_regex_space(s[end])) ++end;
        ++matches;
        if (n > 0 && static_cast<int>(out.size()) == n - 1) break;
        out.emplace_back(s.substr(beg, pos - beg));
        beg = end;
        pos = end;
    }
    // Go appends the tail unless the last match began at the very end, which a `+` cannot.
    out.emplace_back(s.substr(beg));
    return out;
}

std::string go_quote_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ' ';
        out += go_quote(items[i]);
    }
    out += ']';
    return out;
}

}  // namespace restage::model::bk
