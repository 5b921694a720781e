// Test support for the rewriter: rewrite a Dockerfile text with an in-memory context.
#pragma once

#include <map>
#include <string>

#include "rewrite/rewrite.hpp"

namespace restage::test {

/// The built-in catalogue, loaded once (the tests fail if it does not load).
const rewrite::Catalogue& builtin_catalogue();

/// Parses `dockerfile`, then rewrites it with `files` as the build context.
rewrite::Outcome rewrite_text(const std::string& dockerfile, const std::map<std::string, std::string>& files,
                              const rewrite::Options& options = {});

}  // namespace restage::test
