// bk_dump.hpp: BuildKit's Node.Dump() test format and the argument list its JSON reports.
#pragma once

#include <string>
#include <vector>

#include "model/bk_node.hpp"

namespace restage::model::bk {

/// BuildKit's Node.Dump(): the lower-cased keyword, the flags as Go prints a []string with %q,
/// each child in parentheses followed by "\n", then every Next element (strconv.Quote of its
/// value, or its own dump when it has children, as ONBUILD's does), all white-space trimmed.
///     dump(node_from_line("COPY --link a b", '\\')) == R"(copy ["--link"] "a" "b")"
std::string dump(const Node& n);

/// The values of the Next elements that have no children: what the corpus "args" field holds
/// (ENV gives name, value, "=" triples; ONBUILD gives nothing).
std::vector<std::string> json_args(const Node& n);

}  // namespace restage::model::bk
