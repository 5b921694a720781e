// Diagnostics: render an Error as "file:line:col: error: message", the source line, a caret, a hint.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "syntax/result.hpp"

namespace restage {

/// Source lines longer than this many bytes are shown elided around the error's column.
inline constexpr std::size_t kDiagnosticMaxLineBytes = 100;
/// How many bytes of a long line are shown (between the "..." marks).
inline constexpr std::size_t kDiagnosticWindowBytes = 80;
static_assert(kDiagnosticWindowBytes < kDiagnosticMaxLineBytes);

/// The 1-based line and byte column of `byte_offset` in `source` (an offset past the end is
/// taken as the end). Lines end at '\n'; a CR before it is part of the line, so columns of
/// CRLF files count the same bytes as LF files.
Position line_col_of(std::string_view source, std::size_t byte_offset);

/// Renders `e` as people and editors read it. Every line ends with '\n':
///
///     Dockerfile:3:6: error: unknown instruction "FORM"
///     FORM alpine
///     ^
///     hint: did you mean FROM?
///
/// - The header is `file:line:col:`; `file:line:` when the column is 0, `file:` when the line is 0.
/// - The source line is shown when e.where.line names a line of `source`: its trailing CR and a
///   leading UTF-8 BOM are dropped, other control bytes but tabs are shown as '?', and lines over
///   kDiagnosticMaxLineBytes are shown as a window around the column with "..." where elided.
/// - The caret line is shown when the column is not 0: its padding echoes the tabs of the source
///   line, and counts a UTF-8 character as one cell. A column past the end points just after it.
/// - `hint: ...` follows when e.hint is set.
/// - With `color`, the header is bold, "error:" bold red, the caret bold green and "hint:" bold
///   (ANSI escapes via fmt::styled); the caller decides (TTY, NO_COLOR).
std::string render_diagnostic(std::string_view file, std::string_view source, const Error& e, bool color);

}  // namespace restage
