// Config: .restage.yaml files found by walking up from a Dockerfile, merged nearest-first.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/result.hpp"

namespace restage::rewrite {

struct Catalogue;

/// Where a config value was written, for errors found after merging (apply_config).
struct ConfigOrigin {
    std::filesystem::path file;
    Position where{};
};

/// What a user can set in .restage.yaml (every key optional; documented in the README):
///
///     runtime: distroless            # policy for every ecosystem
///     runtime_for: {java: slim}      # per template id; "java" means maven and gradle
///     images:                        # runtime id or image -> replacement; "@sha256:..." pins a digest
///       distroless-static: registry.internal/distroless/static:nonroot
///       gcr.io/distroless/java17-debian12:nonroot: "@sha256:0123..."
///     disabled_rules: [debug-stage]
///     templates: ci/restage-templates   # relative to this file
///     nonroot: true
///     cache_mounts: false
///     debug_stage: false
///     root: true                     # stop looking in parent folders
struct Config {
    std::optional<std::string> runtime;                ///< policy for every ecosystem: distroless|slim|alpine|scratch
    std::map<std::string, std::string> runtime_for;    ///< per ecosystem id, e.g. {"java": "slim"}
    std::map<std::string, std::string> images;         ///< runtime id or image -> replacement (registry, digest)
    std::set<std::string> disabled_rules;              ///< rule ids switched off
    std::optional<std::filesystem::path> templates;    ///< a templates folder (relative to the file)
    std::optional<bool> nonroot;                       ///< false: keep the original user
    std::optional<bool> cache_mounts;
    std::optional<bool> debug_stage;
    bool root = false;                                 ///< a file said `root: true`: parents were not read
    std::vector<std::filesystem::path> files;          ///< the .restage.yaml files used, nearest first
    /// Where each value came from, keyed "runtime", "runtime_for.<id>", "images.<key>",
    /// "disabled_rules.<id>", "templates" (the winning file's position after merging).
    std::map<std::string, ConfigOrigin> origins;

    /// The runtime variant name asked for `template_id`: runtime_for[template_id], then
    /// runtime_for["java"] for maven and gradle, then `runtime`; nullopt leaves the template's policy.
    /// apply_config has checked that a runtime_for value is a variant of its template; a global
    /// `runtime` may not be (scratch for java): then the planner follows the template's policy
    /// and reports that it did.
    std::optional<std::string> variant_for(std::string_view template_id) const;
};

/// The .restage.yaml of each folder seen, read and parsed once for all the Dockerfiles of a run
/// (`restage scan`); safe to share between threads.
class ConfigCache {
public:
    /// The parsed file of `dir` (its `templates` resolved), nullopt when it has none.
    std::optional<Result<Config>> in_folder(const std::filesystem::path& dir);

private:
    std::mutex mutex_;
    std::map<std::string, std::optional<Result<Config>>> folders_;
};

/// Reads every .restage.yaml from the Dockerfile's folder up to the filesystem root (or up
/// to and including `stop_at`, or a file with `root: true`), merging them so the nearest wins
/// key by key (maps merge with the nearest value per key, disabled_rules is the union).
/// A relative `templates` is resolved against its file's folder. Unknown keys and wrong types
/// are errors as load_catalogue's: ErrorKind::Usage, `where` = line:column, `hint` = the file.
/// With `cache`, each folder's file is read once per cache.
Result<Config> load_config_for(const std::filesystem::path& dockerfile,
                               const std::optional<std::filesystem::path>& stop_at = std::nullopt,
                               ConfigCache* cache = nullptr);

/// Parses one .restage.yaml text (`name` is used in messages and in `files`; `templates` is kept as written).
Result<Config> parse_config(std::string_view text, const std::string& name);

/// Checks the merged config against the catalogue and applies it: `images` replace runtime
/// images (a key is a runtime id or a runtime's current image; a value starting with "@" is a
/// digest appended to the image, replacing any digest it had), `disabled_rules` switch rules off.
/// Errors, with the file and position of the value: a policy name no template has as a variant,
/// a runtime_for key that is no template id (nor "java"), or a variant that template lacks, an
/// images key matching no runtime, a disabled rule id no file defines; each with "did you mean".
Result<Ok> apply_config(const Config& config, Catalogue& catalogue);

}  // namespace restage::rewrite
