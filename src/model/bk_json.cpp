// bk_json.cpp: a strict JSON reader with Go encoding/json's acceptance and string decoding.
#include "model/bk_json.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>

#include "model/bk_text.hpp"

namespace restage::model::bk {
namespace {

// Go's scanner refuses nesting deeper than this (json.maxNestingDepth).
constexpr std::size_t kMaxDepth = 10000;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether a syntactically valid JSON number that from_chars reports out of range is too large
// (strconv.ParseFloat fails) rather than too small (it silently gives 0).
bool number_overflows(std::string_view num) {
    std::size_t i = (num[0] == '-') ? 1 : 0;
    long long magnitude = 0;
    bool seen_nonzero = false;
    for (; i < num.size() && is_digit(num[i]); ++i) {
        if (seen_nonzero || num[i] != '0') {
            seen_nonzero = true;
            ++magnitude;
        }
    }
    if (i < num.size() && num[i] == '.') {
        for (++i; i < num.size() && is_digit(num[i]); ++i) {
            if (seen_nonzero) continue;
            if (num[i] != '0') seen_nonzero = true;
            else --magnitude;
        }
    }
    if (!seen_nonzero) return false;
    long long exp = 0;
    bool negative = false;
    if (i < num.size() && (num[i] == 'e' || num[i] == 'E')) {
        ++i;
        if (num[i] == '+' || num[i] == '-') negative = num[i++] == '-';
        for (; i < num.size(); ++i) exp = std::min(exp * 10 + (num[i] - '0'), 1000000000LL);
    }
    return magnitude + (negative ? -exp : exp) > 0;
}

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    // The whole input as one array; false on any syntax error.
    bool top_array(JsonArray& out) {
        ++pos_;  // '['
        bool all_strings = true;
        ws();
        if (peek() == ']') {
            ++pos_;
        } else {
            for (;;) {
                ws();
                if (peek() == '"') {
                    std::string value;
                    if (!string(&value)) return false;
                    out.values.push_back(std::move(value));
                } else {
                    all_strings = false;
                    if (!skip_value()) return false;
                }
                ws();
                const char c = peek();
                ++pos_;
                if (c == ']') break;
                if (c != ',') return false;
            }
        }
        ws();
        if (pos_ != s_.size()) return false;
        if (overflow_) out.status = JsonArrayStatus::NotJson;
        else out.status = all_strings ? JsonArrayStatus::Ok : JsonArrayStatus::NotStringArray;
        return true;
    }

private:
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    bool at_end() const { return pos_ >= s_.size(); }

    void ws() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    int hex4(std::size_t at) const {
        if (at + 4 > s_.size()) return -1;
        int v = 0;
        for (std::size_t i = at; i < at + 4; ++i) {
            const int h = hex_value(s_[i]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    // A string at '"'; decodes into *out when out is not null.
    bool string(std::string* out) {
        ++pos_;
        std::string sink;
        std::string& dst = out ? *out : sink;
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                const Rune r = decode_rune(s_.substr(pos_));
                if (r.value == kRuneError && r.width == 1) append_rune(dst, kRuneError);
                else dst.append(s_.substr(pos_, r.width));
                pos_ += r.width;
                continue;
            }
            if (c != '\\') {
                dst += static_cast<char>(c);
                ++pos_;
                continue;
            }
            ++pos_;
            switch (peek()) {
                case '"': case '\\': case '/': dst += peek(); break;
                case 'b': dst += '\b'; break;
                case 'f': dst += '\f'; break;
                case 'n': dst += '\n'; break;
                case 'r': dst += '\r'; break;
                case 't': dst += '\t'; break;
                case 'u': {
                    int r = hex4(pos_ + 1);
                    if (r < 0) return false;
                    pos_ += 4;
                    if (r >= 0xD800 && r < 0xE000) {
                        const bool has_next = s_.substr(pos_ + 1, 2) == "\\u";
                        const int r2 = has_next ? hex4(pos_ + 3) : -1;
                        if (r < 0xDC00 && r2 >= 0xDC00 && r2 < 0xE000) {
                            r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                            pos_ += 6;
                        } else {
                            r = kRuneError;
                        }
                    }
                    append_rune(dst, static_cast<char32_t>(r));
                    break;
                }
                default: return false;
            }
            ++pos_;
        }
        return false;
    }

    bool number() {
        const std::size_t start = pos_;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else if (is_digit(peek())) {
            while (is_digit(peek())) ++pos_;
        } else {
            return false;
        }
        if (peek() == '.') {
            ++pos_;
            if (!is_digit(peek())) return false;
            while (is_digit(peek())) ++pos_;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!is_digit(peek())) return false;
            while (is_digit(peek())) ++pos_;
        }
        const std::string_view num = s_.substr(start, pos_ - start);
        double value = 0;
        const auto res = std::from_chars(num.data(), num.data() + num.size(), value);
        if (res.ec == std::errc::result_out_of_range && number_overflows(num)) overflow_ = true;
        return true;
    }

    // Object keys: '"' ... '"' ':'
    bool key() {
        ws();
        if (peek() != '"' || !string(nullptr)) return false;
        ws();
        if (peek() != ':') return false;
        ++pos_;
        return true;
    }

    // Any JSON value (an element of the top array), checked without recursion.
    bool skip_value() {
        std::string stack;  // open containers: '[' or '{'
        for (;;) {
            ws();
            const char c = peek();
            if (c == '[' || c == '{') {
                if (stack.size() + 2 > kMaxDepth) return false;
                stack += c;
                ++pos_;
                ws();
                if (peek() == (c == '[' ? ']' : '}')) {
                    ++pos_;
                    stack.pop_back();
                } else if (c == '{') {
                    if (!key()) return false;
                    continue;
                } else {
                    continue;
                }
            } else if (c == '"') {
                if (!string(nullptr)) return false;
            } else if (c == '-' || is_digit(c)) {
                if (!number()) return false;
            } else if (!literal("true") && !literal("false") && !literal("null")) {
                return false;
            }
            // After a value: close containers or move to the next element.
            for (;;) {
                if (stack.empty()) return true;
                ws();
                const char d = peek();
                if (d == (stack.back() == '[' ? ']' : '}')) {
                    ++pos_;
                    stack.pop_back();
                    continue;
                }
                if (d != ',') return false;
                ++pos_;
                if (stack.back() == '{' && !key()) return false;
                break;
            }
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    bool overflow_ = false;
};

}  // namespace

JsonArray parse_json_array(std::string_view rest) {
    rest = trim_left_space(rest);
    JsonArray out;
    if (rest.empty() || rest[0] != '[') return out;
    Reader reader(rest);
    if (!reader.top_array(out)) return JsonArray{};
    if (out.status != JsonArrayStatus::Ok) out.values.clear();
    return out;
}

}  // namespace restage::model::bk
