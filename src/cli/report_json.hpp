// The JSON report of docs/json-report.md, for `restage --format json` and `restage scan --format json`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/rewrite_file.hpp"

namespace restage::cli {

/// One line of JSON: `{"files":[...]}` with an entry per report, in order. `extra` is inserted
/// after the files array as further members (`,"summary":{...}`), or empty.
std::string json_report(const std::vector<FileReport>& reports, std::string_view extra = {});

}  // namespace restage::cli
