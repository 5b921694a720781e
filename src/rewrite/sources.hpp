// Sources and manifests: the COPY that brings sources (or any image path) in; where dependencies are fetched.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

/// The first COPY/ADD (not --from) before instruction `before` that copies more than manifest
/// files: the place manifests must precede. nullopt when there is none.
std::optional<size_t> first_source_copy(const StageFacts& f, const Manifest& m, size_t before);

/// Whether a COPY of only manifest files already comes before instruction `index`.
bool manifests_copied_before(const StageFacts& f, const Manifest& m, size_t index);

/// RUN instructions after `index` that only fetch dependencies the way `m.fetch` does
/// (the same first two words, e.g. `go mod download`); the manifests step replaces them.
std::vector<size_t> fetch_runs_after(const StageFacts& f, const Manifest& m, size_t index);

/// The first manifest of the template whose required files exist in the context (by `when`
/// when given), or nullptr.
const Manifest* pick_manifest(const PlanInput& in, const std::string& when = "");

/// Sets up the manifests-first step for the build instruction `build_index`, when it applies.
void order_manifests(const PlanInput& in, Build& b, size_t build_index, const Manifest* m);

/// The words of every simple command in a RUN (shell form), assignments removed.
std::vector<std::vector<std::string>> run_commands(const model::Instruction& run);

/// Path helpers: "/a/b" -> "/a" and "b"; whether a word has a glob; whether `path` is inside `dir`.
std::string parent_dir(const std::string& p);
std::string base_name(const std::string& p);
bool has_glob(const std::string& s);
bool under(const std::string& path, const std::string& dir);

/// Where an absolute path of the image came from in the context, by the stage's COPY and ADD
/// instructions before `before`; nullopt when no COPY brought it.
std::optional<std::string> context_path(const StageFacts& f, const detect::Context& ctx,
                                        const std::string& abs, size_t before);

}  // namespace restage::rewrite
