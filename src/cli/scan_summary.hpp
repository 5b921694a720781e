// What `restage scan` prints after the run: a table of the files and the totals.
#pragma once

#include <deque>
#include <optional>
#include <string>

#include "cli/rewrite_file.hpp"

namespace restage::cli {

/// A scanned file: its report (source and new text dropped once used), its rendered error,
/// and the error of writing it in place (--write).
struct ScanEntry {
    FileReport report;
    std::string diagnostic;  ///< error_text() of the report's error, or ""
    std::optional<Error> write_error;

    bool failed() const { return !report.outcome || write_error.has_value(); }
};

/// The table: path, ecosystem, result, runtime base and estimated saving per file (columns
/// padded to their widest cell), then the totals:
///
///     4 files: 1 rewritten, 2 refused, 1 unchanged, 0 errors; estimated saving 298 MB
///     refused: 2 no supported ecosystem detected
std::string summary_table(const std::deque<ScanEntry>& entries);

/// The `"summary"` member of the JSON report: counts and refusal reasons.
std::string json_summary(const std::deque<ScanEntry>& entries);

}  // namespace restage::cli
