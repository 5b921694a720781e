// The rewrite `restage FILE` makes of one file, for other commands (verify) to reuse in process.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "rewrite/rewrite.hpp"

namespace restage::cli {

struct RewriteOne {
    std::optional<rewrite::Outcome> outcome;  ///< nullopt: an error, already reported on stderr
    int exit = 0;                             ///< the exit code for that error
    /// The package manager the final image's catalogue entry has ("apk", "apt"), "" for none,
    /// nullopt when the final image is not in the catalogue.
    std::optional<std::string> package_manager;
};

/// Rewrites `file` exactly as `restage [OPTIONS] FILE` does (options, .restage.yaml, templates).
RewriteOne rewrite_one(const RewriteOptions& options, const std::string& file);

}  // namespace restage::cli
