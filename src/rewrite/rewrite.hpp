// rewrite: a single-stage Dockerfile into a multi-stage one, or a refusal with reasons.
#pragma once

#include <optional>
#include <set>
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
    /// Rules switched off for this file (by `# restage: ignore=<rule-id>` pragmas).
    std::set<std::string> ignored_rules;
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

/// Rewrites `doc`, honouring its pragmas (model/pragmas.hpp): `ignore` leaves the file unchanged;
/// `runtime=<variant>` is the runtime unless `options.runtime` is set (the command line wins over
/// the pragma, the pragma over .restage.yaml); `ignore=<rule-id>` switches the rule off for the
/// file when a change it would make concerns the next instruction's lines (or the whole file).
/// Errors: a pragma's error, an unknown rule id or runtime variant in a pragma (ErrorKind::Usage,
/// at the pragma); a failed check of the output is a bug, reported as Internal.
Result<Outcome> rewrite(const model::Document& doc, const detect::Context& ctx, const Catalogue& catalogue,
                        const Options& options);

}  // namespace restage::rewrite
