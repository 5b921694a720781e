// `restage [OPTIONS] FILE…`: the rewrite, to stdout, in place, as a diff, a CI check, JSON or prose.
#include <fmt/color.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/rewrite_one.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report_json.hpp"
#include "cli/rewrite_file.hpp"
#include "model/document.hpp"
#include "print/diff.hpp"
#include "rewrite/rewrite.hpp"

namespace restage::cli {

namespace {

using rewrite::Outcome;

std::string paint(std::string_view text, fmt::text_style style, bool color) {
    return color ? fmt::format("{}", fmt::styled(text, style)) : std::string(text);
}

// "about 300 MB", "about 1.9 MB".
std::string megabytes(double mb) {
    return mb >= 10 ? fmt::format("{:.0f} MB", mb) : fmt::format("{:.1f} MB", mb);
}

// `FILE:LINE: refused: REASON`, then `hint: UNBLOCK` after `hint_indent`.
std::string refusal_text(std::string_view name, const rewrite::Refusal& f, std::string_view hint_indent,
                         bool color) {
    std::string where = f.line > 0 ? fmt::format("{}:{}", name, f.line) : std::string(name);
    std::string out = fmt::format(
        "{}: {} {}\n", where,
        paint("refused:", fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red), color), f.reason);
    if (!f.unblock.empty())
        out += fmt::format("{}{} {}\n", hint_indent, paint("hint:", fmt::emphasis::bold, color), f.unblock);
    return out;
}

std::string explanation(const FileReport& r) {
    const Outcome& out = *r.outcome;
    std::string text;
    for (const auto& c : out.changes) {
        std::string lines = c.first_line <= 0 ? std::string("whole file")
                            : c.last_line <= c.first_line
                                ? fmt::format("line {}", c.first_line)
                                : fmt::format("line {}-{}", c.first_line, c.last_line);
        text += fmt::format("{}: {} [{}]\n", lines, c.reason, c.rule);
    }
    for (const auto& f : out.refusals) text += refusal_text(r.name, f, "  ", false);
    for (std::size_t i = out.status == Outcome::Status::Unchanged ? 1 : 0; i < out.notes.size(); ++i) {
        text += fmt::format("note: {}\n", out.notes[i]);
    }
    const std::string eco(detect::ecosystem_id(out.detection.ecosystem));
    switch (out.status) {
        case Outcome::Status::Rewritten: {
            auto sized = [](const std::string& image, double mb) {
                return mb > 0 ? fmt::format("{} (about {})", image, megabytes(mb)) : image;
            };
            text += fmt::format("result: {} rewritten ({}): {} -> {}\n", r.name, eco,
                                sized(out.builder_image, out.size_before_mb),
                                sized(out.runtime_image, out.size_after_mb));
            break;
        }
        case Outcome::Status::Unchanged:
            text += fmt::format("result: {} unchanged{}\n", r.name,
                                out.notes.empty() ? "" : ": " + out.notes.front());
            break;
        case Outcome::Status::Refused:
            text += fmt::format("result: {} refused\n", r.name);
            break;
    }
    return text;
}

// The one line --check prints for a file.
std::string check_summary(const FileReport& r) {
    const Outcome& out = *r.outcome;
    switch (out.status) {
        case Outcome::Status::Rewritten:
            return fmt::format("{}: would be rewritten ({}, {} change{})\n", r.name,
                               detect::ecosystem_id(out.detection.ecosystem), out.changes.size(),
                               out.changes.size() == 1 ? "" : "s");
        case Outcome::Status::Unchanged:
            return fmt::format("{}: unchanged{}\n", r.name,
                               out.notes.empty() ? "" : ": " + out.notes.front());
        case Outcome::Status::Refused: {
            std::string first = refusal_text(r.name, out.refusals.front(), "", false);
            return first.substr(0, first.find('\n') + 1);
        }
    }
    return "";
}

void write_stdout(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

}  // namespace

RewriteOne rewrite_one(const RewriteOptions& o, const std::string& file) {
    RunCache cache;
    FileReport r = rewrite_file(o, file, cache);
    if (r.error) {
        std::fputs(error_text(r, false).c_str(), stderr);
        return {std::nullopt, r.exit, std::nullopt};
    }
    RewriteOne one{std::move(r.outcome), 0, std::nullopt};
    auto templates = o.templates.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.templates);
    auto catalogue = cache.catalogue(templates, rewrite::Config{});
    if (!catalogue) return one;
    for (const auto& [id, runtime] : (*catalogue)->runtimes) {
        if (runtime.image == one.outcome->runtime_image) one.package_manager = runtime.package_manager;
    }
    return one;
}

bool RewriteOptions::any_option() const {
    return in_place || diff || check || explain || format != "text" || !runtime.empty() || cache_mounts ||
           debug_stage || no_nonroot || !context.empty() || !artifact.empty() || !templates.empty();
}

void add_rewrite_options(CLI::App& app, RewriteOptions& opts) {
    app.add_option("files", opts.files, "Dockerfiles to rewrite, or - for standard input");
    auto* in_place = app.add_flag("-i,--in-place", opts.in_place,
                                  "rewrite the files in place, atomically (only when changed)");
    auto* diff = app.add_flag("--diff", opts.diff, "print a unified diff that git apply accepts");
    auto* explain = app.add_flag("--explain", opts.explain, "say what changes and why, line by line");
    app.add_flag("--check", opts.check,
                 "exit 1 when a file would change or is refused; print a summary to stderr")
        ->excludes(in_place)
        ->excludes(diff)
        ->excludes(explain);
    explain->excludes(diff);
    app.add_option("--format", opts.format, "text, or json for a report of every file")
        ->check(CLI::IsMember({"text", "json"}, CLI::ignore_case));
    app.add_option("--runtime", opts.runtime, "the final image's base: distroless, slim, alpine or scratch")
        ->check(CLI::IsMember({"distroless", "slim", "alpine", "scratch"}, CLI::ignore_case));
    app.add_flag("--cache-mounts", opts.cache_mounts,
                 "use BuildKit cache mounts for dependency downloads and builds");
    app.add_flag("--debug-stage", opts.debug_stage, "add a `debug` target stage with a shell");
    app.add_flag("--no-nonroot", opts.no_nonroot, "keep the original user instead of running as non-root");
    app.add_option("--context", opts.context, "the build context (default: each Dockerfile's folder)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--artifact", opts.artifact,
                   "the build output the image ships, in the builder (e.g. target/app.jar)");
    app.add_option("--templates", opts.templates, "a folder of templates overlaid on the built-ins")
        ->check(CLI::ExistingDirectory);
}

int run_rewrite(const RewriteOptions& o) {
    const bool json = o.format == "json";
    if (o.in_place && std::find(o.files.begin(), o.files.end(), "-") != o.files.end()) {
        return report("restage", "", Error{ErrorKind::Usage, "-i cannot rewrite standard input (-)", {}, ""});
    }
    if (json && (o.diff || o.explain)) {
        return report(
            "restage", "",
            Error{ErrorKind::Usage, "--format json cannot be combined with --diff or --explain", {}, ""});
    }
    const bool color_out = color_for(STDOUT_FILENO), color_err = color_for(STDERR_FILENO);
    RunCache cache;
    std::vector<FileReport> reports;
    int worst = kExitOk;
    bool flagged = false;  // a refusal, or a change under --check
    bool first_explained = true;
    for (const std::string& file : o.files) {
        FileReport r = rewrite_file(o, file, cache);
        if (!r.outcome) {
            std::fputs(error_text(r, color_err).c_str(), stderr);
            worst = std::max(worst, r.exit);
            if (json) reports.push_back(std::move(r));
            continue;
        }
        const Outcome& out = *r.outcome;
        const bool rewritten = out.status == Outcome::Status::Rewritten;
        flagged = flagged || out.status == Outcome::Status::Refused || (o.check && rewritten);
        if (o.in_place && rewritten) {
            if (auto written = write_in_place(file, out.text); !written)
                worst = std::max(worst, report(r.name, "", written.error()));
        }
        if (json) {
            reports.push_back(std::move(r));
        } else if (o.check) {
            std::fputs(check_summary(r).c_str(), stderr);
        } else if (o.explain) {
            write_stdout((first_explained ? "" : "\n") + explanation(r));
            first_explained = false;
        } else {
            for (const auto& f : out.refusals)
                std::fputs(refusal_text(r.name, f, "", color_err).c_str(), stderr);
            if (o.diff) {
                const std::string path = diff_path(file);
                write_stdout(print::unified_diff(r.source, out.text, path, path, color_out));
            } else if (!o.in_place) {
                write_stdout(out.text);
            }
        }
    }
    if (json) write_stdout(json_report(reports));
    if (worst != kExitOk) return worst;
    return flagged ? kExitChanges : kExitOk;
}

}  // namespace restage::cli
