// What `restage verify` found, and its two renderings: a before/after table, or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/verify_builder.hpp"

namespace restage::cli {

/// One image: the original's (before) or the rewrite's (after).
struct Side {
    bool built = false;
    double build_seconds = 0;
    std::string build_log_tail;  ///< the end of the builder's output when the build failed
    std::optional<ImageFacts> facts;
    std::optional<Observed> seen;
    std::vector<std::string> tools;  ///< build tools found in the image
};

struct VerifyReport {
    std::string file;
    std::string builder;
    std::string probe;  ///< e.g. "GET http://127.0.0.1:8080/" or "run server --version"
    bool http = false;
    Side before, after;
    bool same = false;  ///< both answered, with the same code and output
    int exit = 2;
    std::string problem;  ///< why it could not verify, or why it differs, in one line
};

/// Whether the user means root: "", "root", "0", "root:…", "0:…".
bool is_root_user(const std::string& user);
/// "672 MB", "7.24 MB", "512 kB" (powers of 1000, as docker and buildah print sizes).
std::string human_size(long long bytes);

std::string render_text(const VerifyReport& r);
std::string render_json(const VerifyReport& r);

}  // namespace restage::cli
