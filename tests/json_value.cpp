// The test JSON reader: recursive descent over RFC 8259.
#include "json_value.hpp"

#include "syntax/json_writer.hpp"

namespace restage::test {

namespace {

struct Reader {
    std::string_view s;
    size_t i = 0;

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool eat(char c) {
        ws();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    std::optional<unsigned> hex4() {
        if (i + 4 > s.size()) return std::nullopt;
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = s[i++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else return std::nullopt;
        }
        return v;
    }
    std::optional<std::string> string() {
        if (!eat('"')) return std::nullopt;
        std::string out;
        while (i < s.size() && s[i] != '"') {
            char c = s[i++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size()) return std::nullopt;
            char e = s[i++];
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    auto cp = hex4();
                    if (!cp) return std::nullopt;
                    if (*cp >= 0xD800 && *cp < 0xDC00 && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                        i += 2;
                        auto lo = hex4();
                        if (!lo) return std::nullopt;
                        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
                    }
                    utf8(out, *cp);
                    break;
                }
                default: out += e;
            }
        }
        if (i >= s.size()) return std::nullopt;
        ++i;
        return out;
    }
    std::optional<Json> value() {
        ws();
        if (i >= s.size()) return std::nullopt;
        char c = s[i];
        if (c == '"') {
            auto str = string();
            if (!str) return std::nullopt;
            return Json{*str};
        }
        if (c == '{') {
            ++i;
            Json::Object o;
            if (eat('}')) return Json{o};
            do {
                auto k = string();
                if (!k || !eat(':')) return std::nullopt;
                auto v = value();
                if (!v) return std::nullopt;
                o.emplace(*k, std::move(*v));
            } while (eat(','));
            if (!eat('}')) return std::nullopt;
            return Json{o};
        }
        if (c == '[') {
            ++i;
            Json::Array a;
            if (eat(']')) return Json{a};
            do {
                auto v = value();
                if (!v) return std::nullopt;
                a.push_back(std::move(*v));
            } while (eat(','));
            if (!eat(']')) return std::nullopt;
            return Json{a};
        }
        for (auto [word, val] : {std::pair<std::string_view, int>{"true", 1}, {"false", 0}, {"null", 2}}) {
            if (s.substr(i, word.size()) == word) {
                i += word.size();
                if (val == 2) return Json{nullptr};
                return Json{val == 1};
            }
        }
        size_t b = i;
        while (i < s.size() && (std::string_view("+-.eE0123456789").find(s[i]) != std::string_view::npos)) ++i;
        if (i == b) return std::nullopt;
        return Json{Json::Number{std::string(s.substr(b, i - b))}};
    }
};

}  // namespace

std::optional<Json> parse_json(std::string_view text) {
    Reader r{text};
    auto v = r.value();
    r.ws();
    if (!v || r.i != text.size()) return std::nullopt;
    return v;
}

std::string Json::dump() const {
    struct V {
        std::string operator()(std::nullptr_t) const { return "null"; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const Number& n) const { return n.text; }
        std::string operator()(const std::string& s) const { return json_quote(s); }
        std::string operator()(const Array& a) const {
            std::string out = "[";
            for (size_t k = 0; k < a.size(); ++k) out += (k ? "," : "") + a[k].dump();
            return out + "]";
        }
        std::string operator()(const Object& o) const {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, v] : o) {
                out += (first ? "" : ",") + json_quote(k) + ":" + v.dump();
                first = false;
            }
            return out + "}";
        }
    };
    return std::visit(V{}, v);
}

}  // namespace restage::test
