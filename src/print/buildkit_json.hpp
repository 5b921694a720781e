// The BuildKit-compatible JSON of `restage parse --json` (fields of ../shared/corpus/README.md).
#pragma once

#include <string>

#include "model/document.hpp"

namespace restage::print {

/// {ok, escape, directives, instructions, stages | stages_error, global_args}, or
/// {ok: false, error} for a file BuildKit rejects.
std::string buildkit_json(const Result<model::Document>& doc, bool pretty);

}  // namespace restage::print
