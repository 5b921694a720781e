// The SARIF 2.1.0 log of `restage scan --format sarif`: a result per proposed change, with fixes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/rewrite_file.hpp"

namespace restage::cli {

/// The one region of a file a rewrite replaces: the lines from the first that differs to the
/// last that differs, as SARIF's replacement wants it (offsets count characters: UTF-8 code points).
struct TextReplacement {
    std::size_t char_offset = 0;
    std::size_t char_length = 0;
    std::string inserted;
};

/// The replacement that turns `before` into `after` (they differ).
TextReplacement replacement_of(std::string_view before, std::string_view after);

/// A scanned file as SARIF needs it: the report (its outcome's text may be dropped), the path
/// relative to the folder scan ran in, the replacement when rewritten, and a write error.
struct SarifFile {
    const FileReport* report = nullptr;
    std::string uri;
    std::optional<TextReplacement> fix;
};

/// The log, pretty-printed: one run of tool `restage` with every rule that made a change;
/// each change is a result (ruleId, level "warning", message = the reason, the region of its
/// lines, or line 1 for a whole-file change), with one fix: the file's whole rewrite, since the
/// changes depend on each other. Errors are toolExecutionNotifications of the invocation.
std::string sarif_report(const std::vector<SarifFile>& files);

}  // namespace restage::cli
