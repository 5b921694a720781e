// Document: a Dockerfile's bytes, its syntax tree, and its instructions as BuildKit reads them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/bk_directives.hpp"
#include "model/bk_node.hpp"
#include "model/bk_typed.hpp"
#include "model/pragmas.hpp"
#include "syntax/result.hpp"
#include "syntax/tree.hpp"

namespace restage::model {

/// The instruction keywords BuildKit knows, and Unknown for any other.
enum class Kind {
    From, Run, Cmd, Label, Maintainer, Expose, Env, Add, Copy, Entrypoint,
    Volume, User, Workdir, Arg, Onbuild, Stopsignal, Healthcheck, Shell, Unknown,
};

/// The kind of a keyword as written (case-insensitive).
Kind kind_of(std::string_view keyword);
/// The lower-case keyword of a kind ("unknown" for Unknown).
std::string_view kind_name(Kind k);

/// A heredoc: BuildKit's name, expand and chomp, and its body as written.
struct Heredoc {
    std::string name;
    bool expand = true;
    bool chomp = false;
    std::string content;   ///< the body lines with their line endings, as BuildKit keeps them
    syntax::Range body{};  ///< the body's bytes (empty range at the delimiter for an empty body)
};

/// One instruction: where it is, and what BuildKit's parser makes of it.
struct Instruction {
    Kind kind = Kind::Unknown;
    std::string keyword;             ///< as written
    syntax::Range range{};           ///< keyword to the end of its last line (heredocs included)
    syntax::Range line{};            ///< keyword to the end of the logical line, newline excluded
    int first_line = 0;              ///< 1-based
    int last_line = 0;               ///< 1-based, heredoc bodies and delimiters included
    std::vector<std::string> flags;  ///< the --flags as written
    std::vector<std::string> args;   ///< BuildKit's arguments (JSON decoded, pairs split)
    bool json = false;               ///< exec (JSON) form
    std::vector<Heredoc> heredocs;
    std::vector<std::string> comments;  ///< BuildKit's PrevComment
    bk::Node node;                      ///< BuildKit's parser node (for dumps and typed parsing)
    syntax::Node syntax;                ///< the instruction's node in the tree
};

/// A parsed Dockerfile. It owns its bytes; printing an unedited Document gives them back.
class Document {
public:
    /// Parses `bytes` as BuildKit does; errors carry BuildKit's message and a position.
    static Result<Document> parse(std::string bytes);

    const std::string& bytes() const { return *bytes_; }
    const syntax::SyntaxTree& tree() const { return *tree_; }
    char escape() const { return escape_; }
    const std::vector<bk::Directive>& directives() const { return directives_; }
    const std::vector<Instruction>& instructions() const { return instructions_; }
    /// BuildKit's typed parse: stages and global ARGs, or the error it reports.
    const Result<bk::TypedFile>& typed() const { return *typed_; }
    /// The `# restage: ...` pragmas of the comment lines, or the error in one of them.
    const Result<Pragmas>& pragmas() const { return *pragmas_; }

    /// The source, byte for byte.
    const std::string& print() const { return *bytes_; }

private:
    std::unique_ptr<std::string> bytes_;
    std::unique_ptr<syntax::SyntaxTree> tree_;
    char escape_ = '\\';
    std::vector<bk::Directive> directives_;
    std::vector<Instruction> instructions_;
    std::unique_ptr<Result<bk::TypedFile>> typed_;
    std::unique_ptr<Result<Pragmas>> pragmas_;
};

}  // namespace restage::model
