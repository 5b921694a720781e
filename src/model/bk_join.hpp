// bk_join.hpp: BuildKit's joining of one instruction's physical lines into its logical line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace restage::model::bk {

/// The logical line of one instruction.
struct Joined {
    std::string line;                 ///< the joined text (Node.Original)
    bool empty_continuation = false;  ///< a blank line was skipped inside the continuation
    std::size_t lines_used = 0;       ///< physical lines consumed, comments and blanks included
};

/// Joins an instruction's physical lines as BuildKit's Parse loop does. `lines` start at the
/// instruction's first line and keep their endings ("\n", "\r\n", none at the end of a file).
/// The first line loses its line ending and leading Unicode white space; every line loses a
/// trailing escape character (plus spaces and tabs after it) unless the character before it is
/// also the escape, and such a line continues onto the next. Comment lines and white-space-only
/// lines inside a continuation are skipped (the latter sets empty_continuation); a continued
/// line keeps its leading white space. Joining stops at the first line that does not continue
/// or when `lines` run out. A first line that is a comment or blank yields an empty line
/// (BuildKit skips it); so does a lone escape character with nothing after it.
Joined join_lines(const std::vector<std::string_view>& lines, char escape);

/// BuildKit's trimContinuationCharacter: `line` without its continuation escape, and whether
/// the line ends the instruction (no continuation found).
std::pair<std::string_view, bool> trim_continuation(std::string_view line, char escape);

/// BuildKit's isComment: the first non-white-space character is '#'.
bool is_comment_line(std::string_view line);

}  // namespace restage::model::bk
