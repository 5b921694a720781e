// bk_directives.hpp: BuildKit's parser directives (# syntax=, # escape=, # check=) at the top of a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::model::bk {

/// One parser directive: lower-cased name, value as written, 1-based line.
struct Directive {
    std::string name;
    std::string value;
    int line = 0;
};

/// BuildKit's DirectiveParser, fed one physical line at a time from the top of the file.
/// A line is a directive when, after its line ending and leading white space are removed, it is
/// `#`, optional white space, then `key = value` with key syntax, escape or check (any case).
/// The first line that is not one (a blank line, another comment, an instruction, an unknown
/// key) ends the directives for good.
class DirectiveParser {
public:
    /// The directive on `line` (which may keep its line ending; a BOM on the first line must
    /// already be removed), or nothing. Repeating a key is an error:
    /// "only one escape parser directive can be used".
    Result<std::optional<Directive>> parse_line(std::string_view line);

    /// Whether the directives have ended.
    bool done() const { return done_; }

private:
    int line_ = 0;
    bool done_ = false;
    std::vector<std::string> seen_;
};

/// BuildKit's setEscapeToken check: "`" or "\\", else
/// "invalid escape token '<value>' does not match ` or \".
Result<char> escape_token(std::string_view value);

/// The directives at the top of a file and the escape character they set.
struct Directives {
    std::vector<Directive> list;
    char escape = '\\';
};

/// Runs DirectiveParser over the first lines of `text` (a UTF-8 BOM is skipped) the way
/// BuildKit's Parse does, validating an escape directive. Errors carry the line they are on.
Result<Directives> parse_directives(std::string_view text);

}  // namespace restage::model::bk
