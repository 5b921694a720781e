// Line-level helpers over the original bytes: whole-line blocks, comments above, line endings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace restage::rewrite {

/// The start of the line holding byte `at`.
size_t line_begin(std::string_view src, size_t at);
/// The start of the comment lines directly above the line starting at `begin` (no blank line between).
size_t comments_above(std::string_view src, size_t begin);
/// "\r\n" when the file's first line ends so, else "\n".
std::string eol_of(std::string_view src);
/// `text` with a final line ending (`eol`) if it lacks one.
std::string with_eol(std::string text, const std::string& eol);
/// Whether the line starting at `begin` is blank (white space only, or the end of the file).
bool blank_line_at(std::string_view src, size_t begin);
/// The words with `sep` between them.
std::string joined(const std::vector<std::string>& words, std::string_view sep);
/// "a", "a and b", "a, b and c".
std::string listed(const std::vector<std::string>& words);
/// A template's versions for a message: "4 to 24" for a run of consecutive numbers, else "8, 11, 17".
std::string versions_text(const std::vector<std::string>& versions);
/// The offset after the line starting at `begin` (its newline included).
size_t next_line(std::string_view src, size_t begin);

}  // namespace restage::rewrite
