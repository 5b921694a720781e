// The subcommands: an options struct, a registration function and a run_ function each.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace restage::cli {

/// `restage parse FILE|- [--json|--tree]`
struct ParseOptions {
    std::string file;
    bool json = false;
    bool tree = false;
    bool pretty = false;
};
void add_parse_command(CLI::App& app, ParseOptions& opts);
int run_parse(const ParseOptions& opts);

/// `restage fmt FILE|-… [-i] [--check]`
struct FmtOptions {
    std::vector<std::string> files;
    bool in_place = false;
    bool check = false;
};
void add_fmt_command(CLI::App& app, FmtOptions& opts);
int run_fmt(const FmtOptions& opts);

/// `restage detect FILE|- [--context DIR] [--format text|json]`
struct DetectOptions {
    std::string file;
    std::string context;  ///< empty: the Dockerfile's folder
    std::string format = "text";
};
void add_detect_command(CLI::App& app, DetectOptions& opts);
int run_detect(const DetectOptions& opts);

}  // namespace restage::cli
