// Pragmas: restage's inline `# restage: ...` comments, read from a Dockerfile's comment lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model {

/// A comment line of the file (outside any instruction) that may hold a pragma.
struct CommentLine {
    std::string_view text;  ///< the line from '#', line ending excluded
    int line = 0;           ///< 1-based
    int column = 0;         ///< 1-based byte column of '#'
};

/// `# restage: ignore=<rule-id>[,<rule-id>…]`: the rules switched off for the next instruction.
struct IgnoredRule {
    std::string rule;
    int line = 0;         ///< the pragma's line
    int column = 0;       ///< the rule id's column
    int instruction = 0;  ///< the first line of the instruction it applies to
    int last_line = 0;    ///< that instruction's last line
};

/// Every pragma of a file:
///
///     # restage: ignore                  leave the whole file as it is
///     # restage: ignore=go-static-binary the rule makes no change on the next instruction
///     # restage: runtime=slim            this file's runtime variant (over .restage.yaml)
///
/// `# restage:` is followed by one pragma; blanks around `=` and after commas are allowed.
struct Pragmas {
    int ignore_file = 0;                 ///< the line of `# restage: ignore`, or 0
    std::optional<std::string> runtime;  ///< `runtime=<variant>`
    Position runtime_at{};               ///< where the variant is written
    std::vector<IgnoredRule> ignored;
};

/// The first and last line of each instruction, in order.
struct InstructionLines {
    int first = 0;
    int last = 0;
};

/// Reads the pragmas of `comments`. Errors (ErrorKind::Usage, at the offending word): an unknown
/// pragma, `ignore=` or `runtime=` with no value, a second `runtime=`, and `ignore=` with no
/// instruction after it.
Result<Pragmas> parse_pragmas(const std::vector<CommentLine>& comments,
                              const std::vector<InstructionLines>& instructions);

}  // namespace restage::model
