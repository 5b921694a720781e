// The ecosystem planners: what each one decides, and the one table that lists them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rewrite/edits.hpp"
#include "rewrite/rewrite.hpp"
#include "rewrite/stage_facts.hpp"

namespace restage::rewrite {

/// What the final image must provide, from the original's runtime instructions.
struct Needs {
    bool shell = false;                  ///< a shell-form command that needs /bin/sh
    std::vector<std::string> tools;      ///< executables a command or healthcheck calls (curl, wget, sh)
    std::vector<std::string> packages;   ///< runtime OS packages the original installs
    std::string package_family;          ///< "apt" or "apk": how the original installed them
};

/// What a planner reads.
struct PlanInput {
    const model::Document& doc;
    const StageFacts& facts;
    const detect::Context& ctx;
    const detect::Detection& detection;
    const Template& tmpl;
    const Catalogue& catalogue;
    const Options& options;
    const Needs& needs;
};

/// A file or folder to copy from the builder into the runtime stage.
struct ArtifactCopy {
    std::string from;   ///< absolute path in the builder
    std::string to;     ///< absolute path in the runtime image
    bool owned = false; ///< the app writes to it: it belongs to the runtime stage's user
};

/// The first of the final WORKDIR and the artifacts' destinations in root's home, which only
/// root may enter (mode 700), or "": the final stage cannot run as another user then.
std::string root_home_path(const std::string& workdir, const std::vector<ArtifactCopy>& artifacts);

/// The first port below 1024 that a stage running as root EXPOSEs, or 0: only root binds those
/// where the kernel's default stands (Kubernetes, Docker before 20.10), so the final stage keeps root.
int privileged_port(const StageFacts& f);

/// What a planner decides; the common planner turns it into edits and the runtime stage.
struct Build {
    std::string runtime;                   ///< chosen catalogue runtime id
    std::vector<ArtifactCopy> artifacts;
    std::vector<Edit> builder_edits;       ///< ecosystem edits to the original (builder) stage
    std::optional<size_t> insert_manifests_before;  ///< the source COPY that manifests precede
    const Manifest* manifest = nullptr;    ///< the dependency manifest that applies
    std::vector<size_t> drop_from_builder; ///< instructions the manifests step replaces
    std::vector<std::string> runtime_setup;///< lines after the artifacts (package installs, config)
    std::optional<std::vector<std::string>> cmd;         ///< replacement CMD (exec form)
    std::optional<std::vector<std::string>> entrypoint;  ///< replacement ENTRYPOINT (exec form)
    std::vector<std::string> build_only_env;             ///< ENV keys that stay in the builder
    std::optional<std::string> user;       ///< the runtime USER; "" keeps root (the planner reports why)
    std::vector<Change> changes;
    std::vector<Refusal> refusals;
    std::vector<std::string> notes;        ///< non-empty without refusals: nothing to do, and why
    /// A whole builder stage to put in front of the original, which stays the final stage with
    /// builder_edits applied (Java images that copied a jar built outside the Dockerfile).
    std::optional<std::string> prepended_builder;
    /// A WORKDIR for the builder, right after its FROM: an app that the original built in /
    /// builds in a folder of its own, whose contents the runtime gets in / (see eco_node.cpp).
    std::optional<std::string> builder_workdir;
    /// Another ecosystem's planner fits what the image runs: a site whose command is its
    /// development server runs as a Node app. The common planner plans again with it.
    std::optional<detect::Ecosystem> plan_as;
};

/// A planner for one ecosystem.
using Planner = Build (*)(const PlanInput&);

Build plan_go(const PlanInput& in);
Build plan_java(const PlanInput& in);
Build plan_node(const PlanInput& in);
Build plan_static(const PlanInput& in);

/// The planner for an ecosystem (Maven and Gradle share plan_java), or nullptr.
Planner planner_for(detect::Ecosystem e);

/// A Change from a template rule, with its reason's variables filled.
Change change(const Template& t, const std::string& rule, const std::map<std::string, std::string>& vars,
              int first_line = 0, int last_line = 0);

/// Picks the runtime under the policy: --runtime, then .restage.yaml (Config::variant_for), then
/// the template's policy order. For each variant, the runtime with ${version} filled; when
/// `need` (e.g. "glibc" for a cgo binary) is not in it, the variant's `needs` entry for it. The
/// first that meets the Needs and passes `accept` wins; "" when none does (`why` says so). An
/// explicit choice (--runtime, config) is honoured or refused, never replaced by another.
std::string choose_runtime(const PlanInput& in, const std::string& version, const std::string& need,
                           bool (*accept)(const RuntimeBase&, const PlanInput&), std::string& why);

/// The hint for a refused runtime choice: "choose another with --runtime a|b", naming only the
/// policy's variants that choose_runtime would accept if asked for them; or what to change when
/// none would.
std::string other_runtimes_hint(const PlanInput& in, const std::string& version, const std::string& need,
                                bool (*accept)(const RuntimeBase&, const PlanInput&));

/// The catalogue runtime's image (configuration already applied to the catalogue).
std::string runtime_image(const PlanInput& in, const std::string& runtime_id);

/// Whether a rule is switched on (a rule switched off in .restage.yaml makes no change).
bool enabled(const PlanInput& in, const std::string& rule);

/// rewrite() without the file's pragmas: detection, plan, edits and checks.
Result<Outcome> plan_and_check(const model::Document& doc, const detect::Context& ctx, const Catalogue& catalogue,
                               const Options& options);

/// The reason variables every split rule reports: images and approximate sizes.
std::map<std::string, std::string> size_vars(const PlanInput& in, const std::string& runtime_id);

}  // namespace restage::rewrite
