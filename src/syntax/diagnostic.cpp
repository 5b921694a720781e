// Diagnostics: render an Error with its source line and a caret.
#include "syntax/diagnostic.hpp"

#include <algorithm>
#include <optional>

#include <fmt/color.h>
#include <fmt/format.h>

namespace restage {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEllipsis = "...";

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The bytes of 1-based line `line` of `source` without its '\n', if the source has that line.
/// A final '\n' ends the last line; it does not start an empty one.
std::optional<std::string_view> nth_line(std::string_view source, int line) {
    if (line < 1) return std::nullopt;
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return std::nullopt;
        start = nl + 1;
    }
    if (start >= source.size() && !(line == 1 && source.empty())) return std::nullopt;
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    return source.substr(start, end - start);
}

/// Moves `pos` back to the first byte of the UTF-8 character it falls in, so a window edge never
/// splits a character.
std::size_t char_start(std::string_view s, std::size_t pos) {
    while (pos > 0 && pos < s.size() && is_utf8_continuation(s[pos])) --pos;
    return pos;
}

/// What is shown of a source line: the text, and where the error's byte lands in it.
struct Snippet {
    std::string text;       // as printed, ellipses included
    std::size_t caret = 0;  // byte index into `text` the caret points at
};

Snippet make_snippet(std::string_view line, std::size_t col0) {
    col0 = std::min(col0, line.size());  // a column past the end points just after the line
    std::size_t begin = 0;
    std::size_t end = line.size();
    if (line.size() > kDiagnosticMaxLineBytes) {
        // Put the column a third of the way into the window: what follows it is usually the point.
        begin = col0 > kDiagnosticWindowBytes / 3 ? col0 - kDiagnosticWindowBytes / 3 : 0;
        begin = std::min(begin, line.size() - kDiagnosticWindowBytes);
        end = begin + kDiagnosticWindowBytes;
        begin = char_start(line, begin);
        end = char_start(line, end);
    }
    Snippet s;
    if (begin > 0) s.text += kEllipsis;
    s.caret = s.text.size() + (col0 - begin);
    for (std::size_t i = begin; i < end; ++i) {
        char c = line[i];
        bool control = (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7f';
        s.text += control ? '?' : c;
    }
    if (end < line.size()) s.text += kEllipsis;
    return s;
}

/// Padding that puts the caret under byte `caret` of `text`: tabs echoed, one space per character.
std::string caret_padding(std::string_view text, std::size_t caret) {
    std::string pad;
    for (std::size_t i = 0; i < caret && i < text.size(); ++i) {
        if (text[i] == '\t') {
            pad += '\t';
        } else if (!is_utf8_continuation(text[i])) {
            pad += ' ';
        }
    }
    return pad;
}

}  // namespace

Position line_col_of(std::string_view source, std::size_t byte_offset) {
    byte_offset = std::min(byte_offset, source.size());
    std::string_view before = source.substr(0, byte_offset);
    Position p;
    p.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t nl = before.rfind('\n');
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    p.column = 1 + static_cast<int>(byte_offset - line_start);
    return p;
}

std::string render_diagnostic(std::string_view file, std::string_view source, const Error& e, bool color) {
    auto styled = [color](std::string_view text, fmt::text_style style) {
        return color ? fmt::format("{}", fmt::styled(text, style)) : std::string(text);
    };
    const auto bold = fmt::emphasis::bold;

    std::string where(file);
    if (e.where.line > 0) {
        where += fmt::format(":{}", e.where.line);
        if (e.where.column > 0) where += fmt::format(":{}", e.where.column);
    }
    where += ':';

    std::string out =
        fmt::format("{} {} {}\n", styled(where, bold),
                    styled("error:", bold | fmt::fg(fmt::terminal_color::red)), styled(e.message, bold));

    if (auto line = nth_line(source, e.where.line)) {
        std::string_view text = *line;
        std::size_t col0 = e.where.column > 0 ? static_cast<std::size_t>(e.where.column - 1) : 0;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (e.where.line == 1 && text.substr(0, kBom.size()) == kBom) {
            text.remove_prefix(kBom.size());
            col0 = col0 > kBom.size() ? col0 - kBom.size() : 0;
        }
        Snippet s = make_snippet(text, col0);
        out += s.text;
        out += '\n';
        if (e.where.column > 0) {
            out += caret_padding(s.text, s.caret);
            out += styled("^", bold | fmt::fg(fmt::terminal_color::green));
            out += '\n';
        }
    }

    if (!e.hint.empty()) out += fmt::format("{} {}\n", styled("hint:", bold), e.hint);
    return out;
}

}  // namespace restage
