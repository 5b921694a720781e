// Test support for the rewriter: rewrite a Dockerfile text with an in-memory context.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rewrite/rewrite.hpp"

namespace restage::test {

/// The built-in catalogue, loaded once (the tests fail if it does not load).
const rewrite::Catalogue& builtin_catalogue();

/// Parses `dockerfile`, then rewrites it with `files` as the build context.
rewrite::Outcome rewrite_text(const std::string& dockerfile, const std::map<std::string, std::string>& files,
                              const rewrite::Options& options = {});

/// The rule ids of the changes, in order.
std::vector<std::string> rules(const rewrite::Outcome& out);
/// The reason of the first change by `rule`, or "".
std::string reason(const rewrite::Outcome& out, const std::string& rule);
/// The first change by `rule`, or nullptr.
const rewrite::Change* find_change(const rewrite::Outcome& out, const std::string& rule);
/// Every reason, refusal and note, for failure messages.
std::string explain(const rewrite::Outcome& out);
/// Rewriting the output again: its status (a rewrite's output is multi-stage, so Unchanged).
rewrite::Outcome::Status again(const rewrite::Outcome& out, const std::map<std::string, std::string>& context);

}  // namespace restage::test
