// The canonical form of a Dockerfile (`restage fmt`).
#pragma once

#include <string>

#include "model/document.hpp"

namespace restage::print {

/// Prints `doc` in restage's canonical form:
/// 1. Keywords upper-case (`AS` and unknown keywords as written); no indentation; no trailing blanks;
///    one space between tokens the source separated, none between glued ones (`k=v`); no BOM.
/// 2. At most one blank line in a row, none at the start (but before a first line that begins with a
///    BOM's bytes) or end, a final newline; every line ends with the input's first line ending.
/// 3. A continuation is ` \`, then its comment lines and the next line indented by 4 spaces; a glued
///    one (`a\` then `b`) stays glued; inside quotes or a raw-text value its blanks stay as written.
/// 4. JSON arrays print as `["a", "b"]` on one line (as written when a comment line sits inside).
/// 5. Directives, comments (trimmed), shell text and heredoc bodies are kept; BuildKit reads the
///    output as the input, but for line numbers and white space outside quotes in shell commands.
/// Idempotent: format of a Document of format(doc) gives the same bytes.
std::string format(const model::Document& doc);

}  // namespace restage::print
