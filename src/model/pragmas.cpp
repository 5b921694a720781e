// Pragmas: `# restage: ignore`, `# restage: ignore=<rule-id>`, `# restage: runtime=<variant>`.
#include "model/pragmas.hpp"

namespace restage::model {

namespace {

constexpr std::string_view kPrefix = "restage:";

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The offset of the first non-blank at or after `i` (or text.size()).
size_t skip_blanks(std::string_view text, size_t i) {
    while (i < text.size() && blank(text[i])) ++i;
    return i;
}

std::string_view trimmed_end(std::string_view s) {
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

Error error_at(const CommentLine& c, size_t offset, std::string message) {
    return Error{ErrorKind::Usage, std::move(message), Position{c.line, c.column + static_cast<int>(offset)}, ""};
}

}  // namespace

Result<Pragmas> parse_pragmas(const std::vector<CommentLine>& comments,
                              const std::vector<InstructionLines>& instructions) {
    Pragmas p;
    for (const CommentLine& c : comments) {
        std::string_view text = c.text;
        size_t at = skip_blanks(text, 1);  // after '#'
        if (text.substr(at, kPrefix.size()) != kPrefix) continue;
        at = skip_blanks(text, at + kPrefix.size());
        std::string_view rest = trimmed_end(text.substr(at));
        size_t eq = rest.find('=');
        std::string_view key = trimmed_end(rest.substr(0, eq));
        if (eq == std::string_view::npos) {
            if (key != "ignore") {
                return error_at(c, at, "unknown restage pragma '" + std::string(key) +
                                           "' (expected ignore, ignore=RULE or runtime=VARIANT)");
            }
            if (p.ignore_file == 0) p.ignore_file = c.line;
            continue;
        }
        const size_t value_at = skip_blanks(text, at + eq + 1);
        std::string_view value = trimmed_end(text.substr(value_at));
        if (key != "ignore" && key != "runtime") {
            return error_at(c, at, "unknown restage pragma '" + std::string(key) +
                                       "' (expected ignore, ignore=RULE or runtime=VARIANT)");
        }
        if (value.empty()) return error_at(c, at, "'" + std::string(key) + "=' needs a value");
        if (key == "runtime") {
            if (p.runtime) return error_at(c, at, "a second runtime pragma (the first is on line " +
                                                      std::to_string(p.runtime_at.line) + ")");
            p.runtime = std::string(value);
            p.runtime_at = Position{c.line, c.column + static_cast<int>(value_at)};
            continue;
        }
        const InstructionLines* next = nullptr;
        for (const auto& ins : instructions) {
            if (ins.first > c.line) {
                next = &ins;
                break;
            }
        }
        if (next == nullptr) return error_at(c, at, "'ignore=' has no instruction after it to apply to");
        for (size_t start = 0; start <= value.size();) {
            size_t comma = value.find(',', start);
            if (comma == std::string_view::npos) comma = value.size();
            size_t b = skip_blanks(value, start);
            std::string_view id = trimmed_end(value.substr(b, comma - b));
            const int column = c.column + static_cast<int>(value_at + b);
            if (id.empty()) return Error{ErrorKind::Usage, "empty rule id in 'ignore='", Position{c.line, column}, ""};
            p.ignored.push_back(IgnoredRule{std::string(id), c.line, column, next->first, next->last});
            start = comma + 1;
        }
    }
    return p;
}

}  // namespace restage::model
