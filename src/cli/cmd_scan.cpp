// `restage scan DIR…`: find the Dockerfiles, rewrite each on a pool of threads, report them all.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report_json.hpp"
#include "cli/report_sarif.hpp"
#include "cli/rewrite_file.hpp"
#include "cli/scan_queue.hpp"
#include "cli/scan_summary.hpp"
#include "cli/scan_walk.hpp"
#include "print/diff.hpp"
#include "syntax/diagnostic.hpp"

namespace restage::cli {

namespace {

using rewrite::Outcome;

/// What each worker keeps of a rewritten file besides its report.
struct Produced {
    std::string diff;                    ///< --patch
    std::optional<TextReplacement> fix;  ///< --format sarif
};

/// A progress bar on stderr, redrawn when the shown count changes by a percent; drawn once the
/// walk has found every file and so the total is known.
class Progress {
public:
    explicit Progress(bool shown) : shown_(shown) {}
    void total(size_t n) {
        std::lock_guard lock(mutex_);
        total_ = n;
    }
    void step() {
        const size_t done = ++done_;
        if (!shown_) return;
        std::lock_guard lock(mutex_);
        if (total_ == 0) return;
        const size_t percent = done * 100 / total_;
        if (percent == last_ && done != total_) return;
        last_ = percent;
        const size_t filled = done * 30 / total_;
        fmt::print(stderr, "\r[{:=<{}}{:<{}}] {}/{} files", "", filled, "", 30 - filled, done, total_);
        std::fflush(stderr);
    }
    void finish() {
        if (shown_ && total_ > 0) std::fputs("\r\x1b[K", stderr);
    }

private:
    size_t total_ = 0;  ///< 0 while the walk goes on
    bool shown_;
    std::atomic<size_t> done_{0};
    std::mutex mutex_;
    size_t last_ = 101;
};

ScanEntry scan_one(const ScanOptions& o, const std::string& file, RunCache& cache, Produced& produced,
                   bool color) {
    ScanEntry e{rewrite_file(o.rewrite, file, cache), "", std::nullopt};
    FileReport& r = e.report;
    if (!r.outcome) {
        e.diagnostic = error_text(r, color);
        r.error_source.clear();
    } else if (r.outcome->status == Outcome::Status::Rewritten) {
        if (!o.patch.empty()) {
            const std::string path = diff_path(file);
            produced.diff = print::unified_diff(r.source, r.outcome->text, path, path, false);
        }
        if (o.format == "sarif") produced.fix = replacement_of(r.source, r.outcome->text);
        if (o.write) {
            if (auto written = write_in_place(file, r.outcome->text); !written) {
                e.write_error = written.error();
                e.diagnostic = render_diagnostic(r.name, "", written.error(), color);
            }
        }
    }
    // Thousands of files: keep only what the reports need.
    std::string().swap(r.source);
    if (r.outcome) std::string().swap(r.outcome->text);
    return e;
}

unsigned worker_count(unsigned asked, size_t files) {
    unsigned n = asked != 0 ? asked : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(files, 1)));
}

void write_stdout(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

}  // namespace

void add_scan_command(CLI::App& app, ScanOptions& opts) {
    auto* cmd = app.add_subcommand("scan", "Rewrite every Dockerfile of a tree, in parallel, with a summary");
    cmd->add_option("dirs", opts.dirs, "folders to scan (files are taken as they are)")->required();
    cmd->add_option("-j,--jobs", opts.jobs, "files rewritten at once (default: one per core)")
        ->check(CLI::Range(1u, 1024u));
    cmd->add_flag("--no-ignore", opts.no_ignore, "include node_modules, vendor and what .gitignore files ignore");
    auto* write = cmd->add_flag("--write", opts.write, "rewrite the files in place, each atomically");
    cmd->add_flag("--check", opts.check, "exit 1 when a file would be rewritten (CI)")->excludes(write);
    cmd->add_option("--patch", opts.patch, "write one patch of every change to FILE (- for stdout)");
    cmd->add_option("--format", opts.format, "text (a table), json (docs/json-report.md) or sarif (SARIF 2.1.0)")
        ->check(CLI::IsMember({"text", "json", "sarif"}, CLI::ignore_case));
    RewriteOptions& r = opts.rewrite;
    cmd->add_option("--runtime", r.runtime, "the final image's base: distroless, slim, alpine or scratch")
        ->check(CLI::IsMember({"distroless", "slim", "alpine", "scratch"}, CLI::ignore_case));
    cmd->add_flag("--cache-mounts", r.cache_mounts, "use BuildKit cache mounts for downloads and builds");
    cmd->add_flag("--debug-stage", r.debug_stage, "add a `debug` target stage with a shell");
    cmd->add_flag("--no-nonroot", r.no_nonroot, "keep the original user instead of running as non-root");
    cmd->add_option("--templates", r.templates, "a folder of templates overlaid on the built-ins")
        ->check(CLI::ExistingDirectory);
}

int run_scan(const ScanOptions& o) {
    if (o.patch == "-" && o.format != "text") {
        return report("restage scan", "",
                      Error{ErrorKind::Usage, "--patch - and --format " + o.format + " would both use stdout", {}, ""});
    }
    const bool color_err = color_for(STDERR_FILENO);
    ScanQueue<ScanEntry, Produced> queue;
    RunCache cache;
    Progress progress(isatty(STDERR_FILENO) != 0);
    auto work = [&] {
        while (auto next = queue.take()) {
            *next->report = scan_one(o, *next->file, cache, *next->extra, color_err);
            progress.step();
        }
    };
    std::vector<std::thread> pool;
    auto start_workers = [&](unsigned workers) {
        for (unsigned i = 1; i < workers; ++i) pool.emplace_back(work);
    };
    // The walk is a tenth of a scan: the workers start on the first files while it goes on.
    // Not with --write, which must not change a folder the walk has still to read.
    const bool stream = !o.write;
    if (stream) start_workers(worker_count(o.jobs, std::numeric_limits<size_t>::max()));
    size_t n = 0;
    int worst = kExitOk;
    for (const auto& e : walk_dockerfiles(o.dirs, o.no_ignore, [&](std::string file) {
             queue.push(std::move(file));
             ++n;
         })) {
        worst = std::max(worst, report("restage scan", "", e));
    }
    queue.close();
    progress.total(n);
    if (!stream) start_workers(worker_count(o.jobs, n));
    work();
    for (auto& t : pool) t.join();
    progress.finish();

    const std::deque<std::string>& paths = queue.files();
    std::deque<ScanEntry>& entries = queue.reports();
    const std::deque<Produced>& produced = queue.extras();

    bool changes = false;
    for (const auto& e : entries) {
        std::fputs(e.diagnostic.c_str(), stderr);
        if (!e.report.outcome) worst = std::max(worst, e.report.exit);
        if (e.write_error) worst = std::max(worst, static_cast<int>(exit_code_for(e.write_error->kind)));
        changes = changes || (e.report.outcome && e.report.outcome->status == Outcome::Status::Rewritten);
    }
    if (!o.patch.empty()) {
        std::string patch;
        for (const auto& p : produced) patch += p.diff;
        if (o.patch == "-") {
            write_stdout(patch);
        } else if (auto written = atomic_write(o.patch, patch); !written) {
            worst = std::max(worst, report("restage scan", "", written.error()));
        }
    }
    if (o.format == "json") {
        const std::string summary = json_summary(entries);
        std::vector<FileReport> reports;
        reports.reserve(n);
        for (auto& e : entries) reports.push_back(std::move(e.report));
        write_stdout(json_report(reports, summary));
    } else if (o.format == "sarif") {
        std::vector<SarifFile> files;
        files.reserve(n);
        for (size_t i = 0; i < n; ++i)
            files.push_back(SarifFile{&entries[i].report, diff_path(paths[i]), produced[i].fix});
        write_stdout(sarif_report(files));
    } else if (o.patch != "-") {
        write_stdout(summary_table(entries));
    }
    if (worst != kExitOk) return worst;
    return o.check && changes ? kExitChanges : kExitOk;
}

}  // namespace restage::cli
