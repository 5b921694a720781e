// `restage parse`: BuildKit's view of a file as JSON, or the syntax tree.
#include <fmt/core.h>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "model/document.hpp"
#include "print/buildkit_json.hpp"

namespace restage::cli {

void add_parse_command(CLI::App& app, ParseOptions& opts) {
    auto* cmd = app.add_subcommand("parse", "Parse a Dockerfile and print what BuildKit reads (JSON) or the syntax tree");
    cmd->add_option("file", opts.file, "Dockerfile, or - for standard input")->required();
    auto* json = cmd->add_flag("--json", opts.json, "BuildKit's result, field for field (the default)");
    cmd->add_flag("--tree", opts.tree, "the tree-sitter syntax tree as an S-expression")->excludes(json);
    cmd->add_flag("--pretty", opts.pretty, "indent the JSON");
}

int run_parse(const ParseOptions& opts) {
    std::string name = display_name(opts.file);
    auto input = read_input(opts.file);
    if (!input) return report(name, "", input.error());
    if (opts.tree) {
        auto tree = syntax::SyntaxTree::parse(*input);
        fmt::print("{}\n", tree.root().sexp());
        return tree.root().has_error() ? kExitBadInput : kExitOk;
    }
    std::string source = *input;
    auto doc = model::Document::parse(std::move(*input));
    fmt::print("{}", print::buildkit_json(doc, opts.pretty));
    if (!opts.pretty) fmt::print("\n");
    if (!doc) return report(name, source, doc.error());
    return kExitOk;
}

}  // namespace restage::cli
