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
    std::string templates;  ///< templates overlaid on the built-ins (their detection signals count)
};
void add_detect_command(CLI::App& app, DetectOptions& opts);
int run_detect(const DetectOptions& opts);

/// `restage verify FILE (--http PORT[/PATH] | --run ARGS) [--context DIR] [--builder NAME] ...`:
/// build the original and the rewrite, run both, compare their behaviour.
struct VerifyOptions {
    std::string file;
    std::string context;    ///< empty: the Dockerfile's folder
    std::string builder;    ///< empty: docker, podman or buildah, the first found
    std::string http;       ///< PORT[/PATH]
    std::string run;        ///< ARGS for the image's entrypoint, split like a shell
    std::string rewritten;  ///< a rewritten Dockerfile to check instead of restage's own rewrite
    std::string runtime;    ///< --runtime for the rewrite
    std::string pull = "missing";
    std::vector<std::string> build_opts;  ///< passed to the builder's build command
    int timeout = 60;                     ///< seconds for the probe
    std::string format = "text";
};
void add_verify_command(CLI::App& app, VerifyOptions& opts);
int run_verify(const VerifyOptions& opts);

/// `restage [OPTIONS] FILE|-…` (no subcommand): rewrite into a multi-stage build.
struct RewriteOptions {
    std::vector<std::string> files;
    bool in_place = false;
    bool diff = false;
    bool check = false;
    bool explain = false;
    std::string format = "text";  ///< text or json
    std::string runtime;          ///< empty: the template's policy (or .restage.yaml)
    bool cache_mounts = false;
    bool debug_stage = false;
    bool no_nonroot = false;
    std::string context;    ///< empty: each Dockerfile's folder
    std::string artifact;   ///< empty: found by the planner
    std::string templates;  ///< empty: .restage.yaml's `templates`, else the built-ins

    /// Whether any option of the rewrite (not `files`) differs from its default.
    bool any_option() const;
};
/// Adds the rewrite's options and the `files` positional to the main app itself.
void add_rewrite_options(CLI::App& app, RewriteOptions& opts);
int run_rewrite(const RewriteOptions& opts);

/// `restage scan DIR…`: every Dockerfile of the trees, in parallel, with a summary.
struct ScanOptions {
    std::vector<std::string> dirs;
    unsigned jobs = 0;  ///< 0: one per core
    bool no_ignore = false;
    bool write = false;
    bool check = false;
    std::string patch;            ///< a file for one patch of every change ("-": stdout)
    std::string format = "text";  ///< text, json or sarif
    RewriteOptions rewrite;       ///< the rewrite's flags that apply to every file
};
void add_scan_command(CLI::App& app, ScanOptions& opts);
int run_scan(const ScanOptions& opts);

}  // namespace restage::cli
