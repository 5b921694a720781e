// rewrite: a single-stage Dockerfile into a multi-stage one, or a refusal with reasons.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "detect/context.hpp"
#include "detect/detect.hpp"
#include "model/document.hpp"
#include "rewrite/config.hpp"
#include "rewrite/templates.hpp"

namespace restage::rewrite {

/// What the user asked for (command line merged over .restage.yaml).
struct Options {
    std::optional<std::string> runtime;   ///< --runtime distroless|slim|alpine|scratch
    std::optional<std::string> artifact;  ///< --artifact PATH: the build output to ship
    bool nonroot = true;                  ///< --no-nonroot turns it off
    bool cache_mounts = false;            ///< --cache-mounts
    bool debug_stage = false;             ///< --debug-stage
    Config config;
};

/// One change made, with the rule that made it.
struct Change {
    std::string rule;    ///< rule id, e.g. "go-split-build"
    std::string code;    ///< short code, e.g. "RS101"
    std::string reason;  ///< the rule's reason with its variables filled
    int first_line = 0;  ///< the original lines it concerns (0: the whole file)
    int last_line = 0;
};

/// Why restage will not rewrite, and what would unblock it.
struct Refusal {
    std::string reason;
    int line = 0;         ///< the Dockerfile line it concerns, or 0
    std::string unblock;  ///< e.g. "pass --artifact PATH"
};

/// The result of rewrite().
struct Outcome {
    enum class Status { Rewritten, Unchanged, Refused };
    Status status = Status::Unchanged;
    std::string text;              ///< the new file (the input when unchanged or refused)
    std::vector<Change> changes;   ///< empty unless rewritten
    std::vector<Refusal> refusals; ///< non-empty when refused
    std::vector<std::string> notes;///< why nothing changed, when unchanged
    detect::Detection detection;
    std::string builder_image;
    std::string runtime_image;
    double size_before_mb = 0;     ///< estimates from the catalogue (0 when unknown)
    double size_after_mb = 0;
};

/// Rewrites `doc`. An error means a check of the output failed: a bug, reported as Internal.
Result<Outcome> rewrite(const model::Document& doc, const detect::Context& ctx, const Catalogue& catalogue,
                        const Options& options);

}  // namespace restage::rewrite
