// assemble(): the builder stage as edits on the original, and the runtime stage after it.
#pragma once

#include <string>
#include <vector>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

/// The new file and every change made to reach it.
struct Assembled {
    std::string text;
    std::vector<Change> changes;
};

/// Edits the original into the builder stage (stage name, manifests first, runtime-only
/// instructions moved out with their comments) and appends the runtime stage: FROM the chosen
/// base, the ARGs and ENVs it uses, WORKDIR, the artifacts, setup, the moved instructions,
/// USER, ENTRYPOINT and CMD (exec form where the base has no shell).
Result<Assembled> assemble(const PlanInput& in, const Build& b);

/// COPY lines for dependency manifests into `dest` (ending in '/'): the files in one COPY, each
/// folder ("gradle/") in its own, so it keeps its name.
std::string manifest_copies(const std::vector<std::string>& present, const std::string& dest, const std::string& eol);

/// The builder stage's name: the FROM's own, or the template's.
std::string builder_name(const PlanInput& in);

}  // namespace restage::rewrite
