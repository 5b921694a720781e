// `restage fmt`: canonical formatting (filled in by the printer).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace restage::cli {

void add_fmt_command(CLI::App& app, FmtOptions& opts) {
    auto* cmd = app.add_subcommand("fmt", "Print a Dockerfile in canonical form");
    cmd->add_option("files", opts.files, "Dockerfiles, or - for standard input")->required();
    cmd->add_flag("-i,--in-place", opts.in_place, "rewrite the files in place, atomically");
    cmd->add_flag("--check", opts.check, "exit 1 when a file is not in canonical form");
}

int run_fmt(const FmtOptions&) { return kExitInternal; }

}  // namespace restage::cli
