// go_parse.cpp: ports of time.ParseDuration, strconv.ParseInt/ParseBool and csvvalue.Fields.
#include "model/go_parse.hpp"

#include <map>

#include <fmt/format.h>

#include "model/go_text.hpp"

namespace restage::model::go {
namespace {

Error value_error(std::string message) {
    return Error{ErrorKind::Semantic, std::move(message)};
}

// time's own quote: non-ASCII and control bytes as \xNN, unlike strconv.Quote.
std::string time_quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const Rune r = decode_rune(s, i);
        if (r.value >= 0x80 || r.value < ' ') {
            std::size_t width = r.width;
            if (r.value == kRuneError) width = s.substr(i, 3) == "\xEF\xBF\xBD" ? 3 : 1;
            for (std::size_t j = 0; j < width; ++j) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i + j]));
            i += width;
            continue;
        }
        if (r.value == '"' || r.value == '\\') out += '\\';
        out += s[i];
        i += 1;
    }
    return out + '"';
}

constexpr std::uint64_t kMaxDuration = std::uint64_t(1) << 63;

}  // namespace

Result<std::int64_t> parse_duration(std::string_view orig) {
    static const std::map<std::string_view, std::uint64_t> units = {
        {"ns", 1}, {"us", 1000}, {"\u00b5s", 1000}, {"\u03bcs", 1000}, {"ms", 1000000},
        {"s", 1000000000}, {"m", 60000000000}, {"h", 3600000000000},
    };
    const Error invalid = value_error("time: invalid duration " + time_quote(orig));
    std::string_view s = orig;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return std::int64_t{0};
    if (s.empty()) return invalid;
    std::uint64_t d = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    while (!s.empty()) {
        if (!(s[0] == '.' || is_digit(s[0]))) return invalid;
        std::uint64_t v = 0, f = 0;
        double scale = 1;
        std::size_t i = 0;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            if (v > kMaxDuration / 10) return invalid;
            v = v * 10 + std::uint64_t(s[i] - '0');
            if (v > kMaxDuration) return invalid;
        }
        const bool pre = i > 0;
        s.remove_prefix(i);
        bool post = false;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            bool overflow = false;
            for (i = 0; i < s.size() && is_digit(s[i]); ++i) {
                if (overflow) continue;
                if (f > (kMaxDuration - 1) / 10) {
                    overflow = true;
                    continue;
                }
                const std::uint64_t y = f * 10 + std::uint64_t(s[i] - '0');
                if (y > kMaxDuration) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = i > 0;
            s.remove_prefix(i);
        }
        if (!pre && !post) return invalid;
        for (i = 0; i < s.size() && !(s[i] == '.' || is_digit(s[i])); ++i) {
        }
        if (i == 0) return value_error("time: missing unit in duration " + time_quote(orig));
        const std::string_view u = s.substr(0, i);
        s.remove_prefix(i);
        const auto unit = units.find(u);
        if (unit == units.end())
            return value_error("time: unknown unit " + time_quote(u) + " in duration " + time_quote(orig));
        if (v > kMaxDuration / unit->second) return invalid;
        v *= unit->second;
        if (f > 0) {
            v += static_cast<std::uint64_t>(double(f) * (double(unit->second) / scale));
            if (v > kMaxDuration) return invalid;
        }
        d += v;
        if (d > kMaxDuration) return invalid;
    }
    if (neg) return -static_cast<std::int64_t>(d);
    if (d > kMaxDuration - 1) return invalid;
    return static_cast<std::int64_t>(d);
}

Result<std::int64_t> parse_int(std::string_view s0, int bits) {
    const auto syntax = [&] { return value_error("strconv.ParseInt: parsing " + quote(s0) + ": invalid syntax"); };
    const auto range = [&] { return value_error("strconv.ParseInt: parsing " + quote(s0) + ": value out of range"); };
    if (s0.empty()) return syntax();
    std::string_view s = s0;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return syntax();
    const std::uint64_t max_val = bits >= 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << bits) - 1;
    const std::uint64_t cutoff_mul = ~std::uint64_t(0) / 10 + 1;
    std::uint64_t n = 0;
    bool overflow = false;
    for (char c : s) {
        if (c < '0' || c > '9') return syntax();
        if (n >= cutoff_mul) {
            overflow = true;
            break;
        }
        n *= 10;
        const std::uint64_t n1 = n + std::uint64_t(c - '0');
        if (n1 < n || n1 > max_val) {
            overflow = true;
            break;
        }
        n = n1;
    }
    if (overflow) return range();
    const std::uint64_t cutoff = std::uint64_t(1) << (bits - 1);
    if (!neg && n >= cutoff) return range();
    if (neg && n > cutoff) return range();
    return neg ? -static_cast<std::int64_t>(n) : static_cast<std::int64_t>(n);
}

Result<bool> parse_bool(std::string_view s) {
    if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
    if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
    return value_error("strconv.ParseBool: parsing " + quote(s) + ": invalid syntax");
}

Result<std::vector<std::string>> csv_fields(std::string_view line) {
    const auto parse_error = [](std::size_t pos, const char* what) {
        return value_error(fmt::format("parse error on line 1, column {}: {}", pos + 1, what));
    };
    const char* const bare_quote = "bare \" in non-quoted-field";
    const char* const bad_quote = "extraneous or missing \" in quoted-field";
    if (!line.empty() && line.back() == '\n') {
        line.remove_suffix(line.size() > 1 && line[line.size() - 2] == '\r' ? 2 : 1);
    }
    if (line.empty()) return value_error("EOF");
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        if (line.empty() || line[0] != '"') {
            const std::size_t comma = line.find(',');
            const std::string_view field = line.substr(0, comma);
            if (const std::size_t q = field.find('"'); q != std::string_view::npos) return parse_error(pos + q, bare_quote);
            out.emplace_back(field);
            if (comma == std::string_view::npos) break;
            line.remove_prefix(comma + 1);
            pos += comma + 1;
            continue;
        }
        line.remove_prefix(1);
        pos += 1;
        bool half_open = false, field_done = false;
        while (!field_done) {
            const std::size_t q = line.find('"');
            if (q == std::string_view::npos) return parse_error(pos, bad_quote);
            if (!half_open) {
                out.emplace_back(line.substr(0, q));
            } else {
                out.back() += line.substr(0, q);
            }
            half_open = false;
            line.remove_prefix(q + 1);
            pos += q + 1;
            if (!line.empty() && line[0] == '"') {
                out.back() += '"';
                line.remove_prefix(1);
                pos += 1;
                half_open = true;
            } else if (!line.empty() && line[0] == ',') {
                line.remove_prefix(1);
                pos += 1;
                field_done = true;
            } else if (line.empty()) {
                return out;
            } else {
                return parse_error(pos - 1, bad_quote);
            }
        }
    }
    return out;
}

}  // namespace restage::model::go
