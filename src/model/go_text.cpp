// go_text.cpp: Go's UTF-8 decoding, strconv.Quote and friends, so messages match BuildKit's bytes.
#include "model/go_text.hpp"

#include "model/unicode_tables.hpp"

namespace restage::model::go {
namespace {

bool cont(unsigned char c, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return c >= lo && c <= hi;
}

const char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char32_t v, int digits) {
    for (int i = digits - 1; i >= 0; --i) out += kHex[(v >> (4 * i)) & 0xF];
}

}  // namespace

Rune decode_rune(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return {kRuneError, 0};
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    const std::size_t n = s.size() - pos;
    const unsigned char c = p[0];
    if (c < 0x80) return {c, 1};
    const Rune bad{kRuneError, 1};
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || !cont(p[1])) return bad;
        return {char32_t(c & 0x1F) << 6 | (p[1] & 0x3F), 2};
    }
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        if (n < 3 || !cont(p[1], lo, hi) || !cont(p[2])) return bad;
        return {char32_t(c & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F), 3};
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (n < 4 || !cont(p[1], lo, hi) || !cont(p[2]) || !cont(p[3])) return bad;
        return {char32_t(c & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6 |
                    (p[3] & 0x3F),
                4};
    }
    return bad;
}

void append_rune(std::string& out, char32_t r) {
    if ((r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF) r = kRuneError;
    if (r < 0x80) {
        out += char(r);
    } else if (r < 0x800) {
        out += char(0xC0 | (r >> 6));
        out += char(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += char(0xE0 | (r >> 12));
        out += char(0x80 | ((r >> 6) & 0x3F));
        out += char(0x80 | (r & 0x3F));
    } else {
        out += char(0xF0 | (r >> 18));
        out += char(0x80 | ((r >> 12) & 0x3F));
        out += char(0x80 | ((r >> 6) & 0x3F));
        out += char(0x80 | (r & 0x3F));
    }
}

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const Rune r = decode_rune(s, i);
        if (r.value == kRuneError && r.width == 1) {
            out += "\\x";
            append_hex(out, static_cast<unsigned char>(s[i]), 2);
            i += 1;
            continue;
        }
        i += r.width;
        const char32_t c = r.value;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (unicode::is_print(c)) {
            append_rune(out, c);
        } else {
            switch (c) {
                case '\a': out += "\\a"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '\v': out += "\\v"; break;
                default:
                    if (c < ' ' || c == 0x7F) {
                        out += "\\x";
                        append_hex(out, c, 2);
                    } else if (c < 0x10000) {
                        out += "\\u";
                        append_hex(out, c, 4);
                    } else {
                        out += "\\U";
                        append_hex(out, c, 8);
                    }
            }
        }
    }
    out += '"';
    return out;
}

std::string_view trim_space(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size()) {
        const Rune r = decode_rune(s, b);
        if (!unicode::is_space(r.value)) break;
        b += r.width;
    }
    std::size_t e = s.size();
    while (e > b) {
        // Step back to the start of the last rune: at most 4 bytes, and it must decode to the end.
        std::size_t start = e - 1;
        Rune r = decode_rune(s, start);
        for (std::size_t k = 2; k <= 4 && k <= e - b; ++k) {
            const Rune t = decode_rune(s, e - k);
            if (t.width == k) {
                start = e - k;
                r = t;
                break;
            }
        }
        if (r.width != e - start || !unicode::is_space(r.value)) break;
        e = start;
    }
    return s.substr(b, e - b);
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

bool equal_fold(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        Rune x = decode_rune(a, i), y = decode_rune(b, j);
        i += x.width;
        j += y.width;
        auto fold = [](char32_t r) -> char32_t {
            if (r >= 'A' && r <= 'Z') return r - 'A' + 'a';
            if (r == 0x17F) return 's';
            return r;
        };
        if (fold(x.value) != fold(y.value)) return false;
    }
    return i == a.size() && j == b.size();
}

}  // namespace restage::model::go
