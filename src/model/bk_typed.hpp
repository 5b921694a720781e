// bk_typed.hpp: BuildKit's typed parse (instructions.Parse): stages, global ARGs, and its errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/bk_node.hpp"
#include "syntax/result.hpp"

namespace restage::model::bk {

/// One instruction as instructions.Parse receives it. An ONBUILD node keeps its trigger as
/// `next[0].children[0]`, as BuildKit's parser nests it.
struct Instruction {
    Node node;
    int start_line = 0;  ///< 1-based, first line of the instruction
    int end_line = 0;    ///< last line, heredoc bodies included
    /// PrevComment: the `#` lines right before the instruction, text after `#` trimmed; an empty
    /// comment line resets the list.
    std::vector<std::string> prev_comment;
};

/// One NAME[=VALUE] of an ARG (KeyValuePairOptional).
struct ArgPair {
    std::string doc_comment;           ///< the prev_comment line "NAME text" gives "text"
    std::string key;
    std::optional<std::string> value;  ///< nullopt for a bare `ARG NAME`
};

/// ArgCommand.
struct ArgCommand {
    std::string name;  ///< the keyword as written, e.g. "ARG"
    std::string code;  ///< strings.TrimSpace of the joined line
    int start_line = 0;
    int end_line = 0;
    std::vector<ArgPair> args;
};

/// A FROM and the instructions after it (instructions.Stage).
struct Stage {
    std::string name;         ///< the AS name, lower-cased; empty without AS
    std::string base;         ///< the image as written, variables unexpanded
    std::string platform;     ///< --platform as written, or empty
    std::string code;         ///< strings.TrimSpace of the FROM line
    std::string doc_comment;  ///< the prev_comment line "NAME text" gives "text"
    int start_line = 0;
    int end_line = 0;
    std::size_t from_index = 0;         ///< index of the FROM in the input
    std::vector<std::size_t> commands;  ///< indices of the stage's other instructions
};

/// Any other instruction, checked but not kept.
struct Command {
    std::string name;  ///< the keyword as written
    std::string code;
};

/// What one instruction parses to.
using Typed = std::variant<Stage, ArgCommand, Command>;

/// The typed parse of a whole file.
struct TypedFile {
    std::vector<Stage> stages;
    std::vector<ArgCommand> meta_args;  ///< ARGs before the first FROM
};

/// ParseInstruction: one instruction, with BuildKit's message on error (unwrapped, e.g.
/// "FROM requires either one or three arguments"); the error's position is its start line.
Result<Typed> parse_instruction(const Instruction& instruction);

/// instructions.Parse: errors as BuildKit words them, e.g. "dockerfile parse error on line 15:
/// missing a value on flag: --from", or "no build stage in current context".
Result<TypedFile> parse(const std::vector<Instruction>& instructions);

}  // namespace restage::model::bk
