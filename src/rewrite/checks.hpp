// Checks before output: the rewrite parses, and its final stage behaves as the original.
#pragma once

#include <optional>
#include <string>

#include "rewrite/ecosystem.hpp"

namespace restage::rewrite {

/// Re-parses `text` and checks DESIGN.md's invariants against the original: every COPY --from
/// names an earlier stage; the final stage keeps the command (exec form of the same words where
/// converted, or the planner's reported replacement), exposed ports, runtime ENV keys, labels,
/// healthcheck, volumes, stop signal and working directory; USER is non-root unless turned off.
/// A failed check is an Internal error naming the invariant.
std::optional<Error> check_output(const model::Document& original, const std::string& text, const Build& b,
                                  const PlanInput& in);

}  // namespace restage::rewrite
