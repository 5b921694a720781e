// bk_join.cpp: continuation lines, comments inside them and empty continuation lines.
#include "model/bk_join.hpp"

#include "model/bk_text.hpp"

namespace restage::model::bk {

std::pair<std::string_view, bool> trim_continuation(std::string_view line, char escape) {
    // The regex ([^E])E[ \t]*$|^E[ \t]*$ : E is the last character other than space or tab,
    // and it is the first character or follows something other than E.
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end == 0 || line[end - 1] != escape) return {line, true};
    if (end >= 2 && line[end - 2] == escape) return {line, true};
    return {line.substr(0, end - 1), false};
}

bool is_comment_line(std::string_view line) {
    line = trim_left_space(line);
    return !line.empty() && line[0] == '#';
}

Joined join_lines(const std::vector<std::string_view>& lines, char escape) {
    Joined out;
    if (lines.empty()) return out;
    std::string_view first = trim_left_space(trim_newline(lines[0]));
    if (is_comment_line(first)) first = {};
    auto [text, end_of_line] = trim_continuation(first, escape);
    out.line = std::string(text);
    out.lines_used = 1;
    while (!end_of_line && out.lines_used < lines.size()) {
        const std::string_view raw = lines[out.lines_used++];
        if (is_comment_line(raw)) continue;
        const std::string_view line = trim_newline(raw);
        if (trim_left_space(line).empty()) {
            out.empty_continuation = true;
            continue;
        }
        auto [piece, eol] = trim_continuation(line, escape);
        out.line += piece;
        end_of_line = eol;
    }
    return out;
}

}  // namespace restage::model::bk
