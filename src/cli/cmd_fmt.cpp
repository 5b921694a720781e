// `restage fmt`: the canonical form to stdout, in place (-i), or as a CI check (--check).
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "model/document.hpp"
#include "print/formatter.hpp"

namespace restage::cli {

void add_fmt_command(CLI::App& app, FmtOptions& opts) {
    auto* cmd = app.add_subcommand("fmt", "Print a Dockerfile in canonical form");
    cmd->add_option("files", opts.files, "Dockerfiles, or - for standard input")->required();
    auto* in_place = cmd->add_flag("-i,--in-place", opts.in_place, "rewrite the files in place, atomically");
    cmd->add_flag("--check", opts.check, "exit 1 when a file is not in canonical form")->excludes(in_place);
}

int run_fmt(const FmtOptions& opts) {
    if (opts.in_place && std::find(opts.files.begin(), opts.files.end(), "-") != opts.files.end()) {
        return report("restage fmt", "",
                      Error{ErrorKind::Usage, "-i cannot rewrite standard input (-)", {}, ""});
    }
    int worst_error = kExitOk;
    bool changes = false;
    for (const std::string& file : opts.files) {
        std::string name = display_name(file);
        auto input = read_input(file);
        if (!input) {
            worst_error = std::max(worst_error, report(name, "", input.error()));
            continue;
        }
        std::string source = *input;
        auto doc = model::Document::parse(std::move(*input));
        if (!doc) {
            worst_error = std::max(worst_error, report(name, source, doc.error()));
            continue;
        }
        std::string formatted = print::format(*doc);
        bool changed = formatted != source;
        if (opts.check) {
            if (changed) fmt::print(stderr, "{}\n", name);
            changes = changes || changed;
        } else if (opts.in_place) {
            if (!changed) continue;
            if (auto written = atomic_write(file, formatted); !written) {
                worst_error = std::max(worst_error, report(name, "", written.error()));
            }
        } else {
            std::fwrite(formatted.data(), 1, formatted.size(), stdout);
        }
    }
    if (worst_error != kExitOk) return worst_error;
    return changes ? kExitChanges : kExitOk;
}

}  // namespace restage::cli
