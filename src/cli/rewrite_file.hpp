// The single-file rewrite path shared by `restage FILE` and `restage scan`: read, parse, config,
// catalogue, rewrite; nothing printed, so scan can run it on many threads and report in order.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "rewrite/rewrite.hpp"

namespace restage::cli {

/// One file's result: an outcome, or an error (not yet printed).
struct FileReport {
    std::string file;    ///< as given ("-" for standard input)
    std::string name;    ///< as reported ("<stdin>")
    std::string source;  ///< the bytes read
    std::optional<rewrite::Outcome> outcome;
    std::optional<Error> error;
    std::string error_file;    ///< where the error is: the Dockerfile, a template or a .restage.yaml
    std::string error_source;  ///< that file's text, for the line and caret of the diagnostic
    int exit = 0;              ///< the error's exit code (0 with an outcome)
};

/// What the files of one run share, each read once: the .restage.yaml files, and the catalogues,
/// loaded once per templates folder and applied once per set of .restage.yaml files. Safe to
/// share between threads.
class RunCache {
public:
    /// The catalogue of `templates` (nullopt: the built-ins) with `config` applied.
    Result<std::shared_ptr<const rewrite::Catalogue>> catalogue(const std::optional<std::filesystem::path>& templates,
                                                                const rewrite::Config& config);
    /// The build context of `dir`, one per folder (its listings are shared).
    detect::Context context(const std::filesystem::path& dir);

    rewrite::ConfigCache configs;

private:
    std::mutex mutex_;
    std::map<std::string, rewrite::Catalogue> loaded_;
    std::map<std::string, std::shared_ptr<const rewrite::Catalogue>> applied_;
    std::map<std::string, detect::Context> contexts_;
};

/// What applies to one Dockerfile: its .restage.yaml files merged, and the catalogue of the
/// templates they or the command line (`templates_option`, when not empty) name.
struct Loaded {
    rewrite::Config config;
    std::shared_ptr<const rewrite::Catalogue> catalogue;
};
/// Loads what applies to `file` ("-": the current directory's); an error goes into `r`.
std::optional<Loaded> load_for(const std::string& file, const std::string& templates_option, RunCache& cache,
                               FileReport& r);

/// Rewrites `file` ("-" for standard input) with the options of `o` (its `files` are ignored).
FileReport rewrite_file(const RewriteOptions& o, const std::string& file, RunCache& cache);

/// Writes the new text of `file` in place with atomic_write, unless the file is read-only (no
/// write permission bit set: even root leaves it alone): then an Io error
/// "cannot write FILE: the file is read-only".
Result<Ok> write_in_place(const std::string& file, std::string_view text);

/// The diagnostic of a report that has an error: `file:line:col: error: message`, line, caret.
std::string error_text(const FileReport& r, bool color);

/// The status's id in reports: "rewritten", "unchanged", "refused".
const char* status_id(rewrite::Outcome::Status s);

/// The path in diff headers: relative to the current folder and normalised, as `git apply`
/// wants ("./x" is refused); "Dockerfile" for standard input.
std::string diff_path(const std::string& file);

}  // namespace restage::cli
