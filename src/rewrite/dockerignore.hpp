// What .dockerignore leaves out of the build context, with BuildKit's rules.
#pragma once

#include <string>

#include "detect/context.hpp"

namespace restage::rewrite {

/// Whether the context's .dockerignore leaves the context path `rel` ("src/main", no leading
/// "./") out of what BuildKit sends. The patterns apply in order and the last one that matches
/// wins; a pattern matches a path or any folder above it; `!` lets a path back in; `**` matches
/// any number of folders; `*`, `?` and `[...]` match within one name. No .dockerignore: false.
bool dockerignored(const detect::Context& ctx, const std::string& rel);

}  // namespace restage::rewrite
