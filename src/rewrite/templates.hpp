// Templates: the YAML data that says how each ecosystem splits into build and runtime stages.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detect.hpp"
#include "syntax/result.hpp"

namespace restage::rewrite {

/// One runtime base image of the catalogue (templates/runtimes.yaml).
///
/// The non-root user of the runtime stage, three cases:
/// - the image has one (distroless `nonroot` 65532, node's `node` 1000): `user` and `uid`;
/// - the image has none and a shell (alpine, debian-slim, temurin): `user` is empty and
///   `add_user` is the RUN command creating `new_user` with `uid`; fill its ${user} and ${uid}
///   with expand_reason, then `USER new_user`;
/// - the image has no user database and nothing to run (scratch): `user` and `add_user` are
///   empty; run as `USER <uid>:<uid>`.
struct RuntimeBase {
    std::string id;               ///< e.g. "distroless-static"
    std::string image;            ///< e.g. "gcr.io/distroless/static-debian12:nonroot"
    std::string family;           ///< "distroless", "scratch", "alpine", "slim", "nginx", ...
    bool shell = false;           ///< has /bin/sh
    std::string package_manager;  ///< "apk", "apt", or "" for none
    std::string user;             ///< non-root user the image provides ("" if none: restage creates one)
    bool default_user = false;    ///< the image runs as `user` by default (distroless :nonroot), not root
    int uid = 0;                  ///< that user's uid (65532 for distroless nonroot); see above when user is ""
    std::string new_user;         ///< the user restage creates when `user` is "" ("app")
    std::string add_user;         ///< the command creating it, with ${user} and ${uid}; "" for scratch
    double size_mb = 0;           ///< approximate compressed size
    /// What is in it: "glibc", "musl", "ca-certificates", "tzdata", "java", "node", "npm", "nginx", ...
    std::vector<std::string> provides;
    std::vector<std::string> entrypoint;  ///< the image's own ENTRYPOINT (distroless java: java -jar)

    bool has(std::string_view what) const;
};

/// An approximate compressed size for images restage does not run on, e.g. builder images,
/// so reasons can say "about 300 MB". `pattern` is a glob on the image reference ("golang:*-alpine").
struct ImageSize {
    std::string pattern;
    double size_mb = 0;
};

/// Files that hold the dependency list, copied before the sources, and how to fetch.
struct Manifest {
    std::string when;                 ///< an id the planner chooses by ("npm", "yarn", "pnpm", "maven", "gradle-wrapper", ...)
    std::vector<std::string> files;   ///< copied when present in the context
    std::vector<std::string> required;///< all must be present for this manifest to apply
    std::string fetch;                ///< the RUN command that fetches dependencies
    std::string prod_fetch;           ///< fetches production dependencies only (node), or ""
    std::string cache_mount;          ///< the cache target for --cache-mounts, e.g. "/root/.m2"
};

/// Where the build leaves its output, and where the runtime stage puts it. `when` is a flavor
/// (detect::Detection::flavor, e.g. "vite") or a kind ("jar", "binary", "app").
struct Artifact {
    std::string when;
    std::string path;                  ///< in the builder; may be a glob ("target/*.jar")
    std::vector<std::string> exclude;  ///< globs that are never the artifact ("*-sources.jar")
    std::string dest;                  ///< in the runtime stage ("/app/app.jar")
};

/// A rule's reported text. `reason` may use ${variables} the rule declares in `variables`.
struct Rule {
    std::string id;           ///< stable kebab-case id, e.g. "go-split-build"
    std::string code;         ///< short code for reports, e.g. "RS101"
    std::string description;  ///< one line: what the rule does
    std::string reason;       ///< the text a change reports, with ${variables}
    std::vector<std::string> variables;
    bool enabled = true;
};

/// A runtime choice for an ecosystem: the catalogue entry to use under a policy name.
struct RuntimeVariant {
    std::string name;     ///< the policy name: "distroless", "slim", "alpine", "scratch"
    std::string runtime;  ///< a RuntimeBase id; "${version}" may appear (e.g. "temurin-${version}-jre")
    /// When the artifact needs something `runtime` lacks (a need such as "glibc" for a cgo
    /// binary), the runtime id that has it, e.g. {"glibc": "distroless-base"}. May use ${version}.
    std::map<std::string, std::string> needs;
    /// The versions this variant exists for (distroless has Node 18 and later only); empty: all
    /// of the template's `versions`.
    std::vector<std::string> versions;

    bool supports(std::string_view version) const;
    /// The runtime id for `version` (fills ${version}).
    std::string runtime_id(std::string_view version = {}) const;
};

/// One ecosystem's template (templates/<id>.yaml).
struct Template {
    std::string id;  ///< "go", "maven", "gradle", "node", "static"
    std::string description;
    detect::Signals signals;
    std::string stage_name = "build";
    std::vector<Manifest> manifests;
    std::vector<std::string> build_only_env;  ///< ENV names that stay in the builder
    std::vector<std::string> build_cache_mounts;  ///< cache targets for the build RUN (go: /root/.cache/go-build)
    std::vector<Artifact> artifacts;
    /// When the Dockerfile copies what the build wrote outside it (Java: target/*.jar): the
    /// builder stage's image (${version}) and its build commands, plain and with the wrapper.
    std::string prebuilt_image;
    std::string prebuilt_build;
    std::string prebuilt_wrapper_build;
    /// Unpacks a Spring Boot jar (${jar}) into the folder the Dockerfile copies its layers from
    /// (target/dependency/BOOT-INF/lib, as Spring's Docker guide does), or "".
    std::string prebuilt_unpack;
    std::vector<std::string> policy;          ///< runtime variant names, most preferred first
    std::vector<RuntimeVariant> variants;
    std::vector<std::string> versions;        ///< values of ${version} every variant supports ("17", "21")
    std::string default_version;              ///< used when no version can be read from the Dockerfile
    std::vector<Rule> rules;
    std::filesystem::path source;  ///< the file it came from (built-ins: "templates/go.yaml")

    const Rule* rule(std::string_view id) const;
    const RuntimeVariant* variant(std::string_view name) const;
    /// The first manifest whose `required` files all exist (`exists` answers for the context).
    template <typename Exists>
    const Manifest* manifest_for(Exists&& exists) const {
        for (const auto& m : manifests) {
            bool all = true;
            for (const auto& f : m.required) all = all && exists(f);
            if (all) return &m;
        }
        return nullptr;
    }
};

/// Everything loaded: the runtime catalogue, the templates by id, and the rules every
/// ecosystem shares (templates/common.yaml: deps-before-sources, runtime-nonroot, ...).
/// The common rules are also appended to every template's `rules`, so Template::rule finds them.
struct Catalogue {
    std::map<std::string, RuntimeBase> runtimes;
    std::map<std::string, Template> templates;
    std::vector<Rule> common_rules;
    std::vector<ImageSize> image_sizes;  ///< first match wins

    const Template* find(detect::Ecosystem e) const;
    /// Every template's detection signals, for detect::classify.
    std::vector<detect::Signals> signals() const;
    const RuntimeBase* runtime(std::string_view id) const;
    /// A rule by id, in common_rules or any template.
    const Rule* rule(std::string_view id) const;
    /// The catalogue entry `variant` names for `version`, or nullptr.
    const RuntimeBase* runtime_for(const RuntimeVariant& variant, std::string_view version = {}) const;
    /// The approximate size of any image: a runtime's image, else the first image_sizes match.
    std::optional<double> image_size(std::string_view image) const;
};

/// The built-in YAML files, compiled into the binary from templates/*.yaml, sorted by name.
/// `text` is for showing the source line of an error in a built-in file; `packed` is its raw
/// tree, parsed at build time (see rewrite/template_packed.hpp), which load_catalogue reads.
struct BuiltinFile {
    std::string_view name;  ///< "go.yaml"
    std::string_view text;
    std::span<const unsigned char> packed;
};
std::span<const BuiltinFile> builtin_files();

/// The built-in templates, overlaid with the YAML files (*.yaml, *.yml) of `user_dir` when given.
///
/// Files: `runtimes.yaml` (the runtime catalogue and image sizes), `common.yaml` (shared rules),
/// and one `<id>.yaml` per template, whose `id` must match the file name.
///
/// Overlay: a user file with the name of a built-in file is merged into it before validation:
/// maps merge key by key; lists of maps that all have an `id` (rules, runtimes) or a `when`
/// (manifests, artifacts) merge item by item on it, new items appended; anything else, other
/// lists included, replaces the built-in value. So `runtimes: [{id: distroless-static, image:
/// registry.internal/static:nonroot}]` changes one image and keeps the rest. A new name adds a
/// template (its Signals reach detect, but only the built-in ecosystems have a planner).
///
/// Errors are ErrorKind::Usage (a missing `user_dir` too), the first one found:
/// - `message` is the bare message, with the fix when there is one:
///   "unknown key 'manifest' in build (did you mean 'manifests'?)";
/// - `where` is its 1-based line and column in the file;
/// - `hint` is the file's name: the user file's path, or "templates/go.yaml" for a built-in
///   (whose text is in builtin_files()). format_load_error() renders the whole line, and
///   the CLI can move `hint` to render_diagnostic's file argument to add the source line.
///
/// Checked: YAML syntax, unknown and duplicate keys, missing required keys, types (strings,
/// lists, maps, true/false, integers, numbers), ids (kebab-case, matching the file name), rule
/// codes (two capitals and three digits), duplicate rule ids and codes across all files, ${name}
/// in a reason that is not in the rule's `variables`, policy names without a variant, a variant
/// (for every `versions` value) or a need naming an unknown runtime, default_version not in versions.
Result<Catalogue> load_catalogue(const std::optional<std::filesystem::path>& user_dir = std::nullopt);

/// "FILE:LINE:COL: error: MESSAGE" for an error of load_catalogue or the config loaders.
std::string format_load_error(const Error& e);

/// Fills ${name} in `text` from `vars`; an unknown name is left as written.
std::string expand_reason(std::string_view text, const std::map<std::string, std::string>& vars);

}  // namespace restage::rewrite
