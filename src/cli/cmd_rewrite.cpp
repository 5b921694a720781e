// `restage [OPTIONS] FILE…`: the rewrite, to stdout, in place, as a diff, a CI check, JSON or prose.
#include <fmt/color.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/rewrite_one.hpp"
#include "cli/exit_codes.hpp"
#include "model/document.hpp"
#include "print/diff.hpp"
#include "rewrite/rewrite.hpp"
#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

namespace fs = std::filesystem;
using rewrite::Outcome;

/// One file's result: an outcome, or an error already reported on stderr.
struct FileReport {
    std::string file;    ///< as given ("-" for standard input)
    std::string name;    ///< as reported ("<stdin>")
    std::string source;  ///< the bytes read
    std::optional<Outcome> outcome;
    std::optional<Error> error;
    std::string error_file;  ///< where the error is: the Dockerfile, a template or a .restage.yaml
    int exit = kExitOk;
};

const char* status_id(Outcome::Status s) {
    switch (s) {
        case Outcome::Status::Rewritten:
            return "rewritten";
        case Outcome::Status::Unchanged:
            return "unchanged";
        case Outcome::Status::Refused:
            return "refused";
    }
    return "error";
}

std::string paint(std::string_view text, fmt::text_style style, bool color) {
    return color ? fmt::format("{}", fmt::styled(text, style)) : std::string(text);
}

// "about 300 MB", "about 1.9 MB".
std::string megabytes(double mb) {
    return mb >= 10 ? fmt::format("{:.0f} MB", mb) : fmt::format("{:.1f} MB", mb);
}

// The catalogue per templates folder, loaded once; each file gets a copy its config is applied to.
class Catalogues {
public:
    Result<rewrite::Catalogue> get(const std::optional<fs::path>& dir) {
        const std::string key = dir ? "dir:" + dir->string() : "builtin";
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            auto loaded = rewrite::load_catalogue(dir);
            if (!loaded) return loaded.error();
            it = cache_.emplace(key, std::move(*loaded)).first;
        }
        return it->second;
    }

private:
    std::map<std::string, rewrite::Catalogue> cache_;
};

// Template and config errors name their file in `hint`; show that file's line and a caret.
int report_load_error(const Error& e, FileReport& r) {
    Error bare = e;
    bare.hint.clear();
    r.error = bare;
    r.error_file = e.hint.empty() ? "restage" : e.hint;
    std::string source;
    std::error_code ec;
    if (!e.hint.empty() && fs::is_regular_file(e.hint, ec)) {
        if (auto text = read_file(e.hint)) source = std::move(*text);
    } else if (e.hint.rfind("templates/", 0) == 0) {
        for (const auto& f : rewrite::builtin_files()) {
            if (e.hint.substr(10) == f.name) source = std::string(f.text);
        }
    }
    return r.exit = report(r.error_file, source, bare);
}

// Command-line flags win over .restage.yaml; the config's `images` are already in the catalogue.
rewrite::Options merged_options(const RewriteOptions& o, rewrite::Config config) {
    rewrite::Options r;
    if (!o.runtime.empty()) r.runtime = o.runtime;
    if (!o.artifact.empty()) r.artifact = o.artifact;
    r.nonroot = o.no_nonroot ? false : config.nonroot.value_or(true);
    r.cache_mounts = o.cache_mounts || config.cache_mounts.value_or(false);
    r.debug_stage = o.debug_stage || config.debug_stage.value_or(false);
    config.images.clear();
    r.config = std::move(config);
    return r;
}

fs::path context_for(const RewriteOptions& o, const std::string& file) {
    if (!o.context.empty()) return o.context;
    fs::path dir = file == "-" ? fs::path() : fs::path(file).parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

// The path in diff headers: relative and normalised, as `git apply` wants ("./x" is refused).
std::string diff_path(const std::string& file) {
    if (file == "-") return "Dockerfile";
    fs::path p = fs::path(file).lexically_normal();
    if (p.is_absolute()) {
        std::error_code ec;
        fs::path rel = p.lexically_relative(fs::current_path(ec));
        if (!ec && !rel.empty()) p = rel;
    }
    return p.generic_string();
}

FileReport process(const RewriteOptions& o, const std::string& file, Catalogues& catalogues) {
    FileReport r{file, display_name(file), "", std::nullopt, std::nullopt, "", kExitOk};
    auto fail = [&r](const Error& e, std::string_view source) {
        r.error = e;
        r.error_file = r.name;
        r.exit = report(r.name, source, e);
        return r;
    };
    auto input = read_input(file);
    if (!input) return fail(input.error(), "");
    r.source = *input;
    auto doc = model::Document::parse(std::move(*input));
    if (!doc) return fail(doc.error(), r.source);

    // Standard input has no folder: the current directory's config applies.
    auto config = rewrite::load_config_for(file == "-" ? fs::current_path() / "Dockerfile" : fs::path(file));
    if (!config) {
        report_load_error(config.error(), r);
        return r;
    }
    std::optional<fs::path> templates = config->templates;
    if (!o.templates.empty()) templates = fs::path(o.templates);
    auto catalogue = catalogues.get(templates);
    if (!catalogue) {
        report_load_error(catalogue.error(), r);
        return r;
    }
    if (auto applied = rewrite::apply_config(*config, *catalogue); !applied) {
        report_load_error(applied.error(), r);
        return r;
    }

    auto ctx = detect::Context::from_dir(context_for(o, file));
    auto out = rewrite::rewrite(*doc, ctx, *catalogue, merged_options(o, std::move(*config)));
    if (!out) return fail(out.error(), "");
    if (out->size_before_mb == 0 && !out->builder_image.empty()) {
        if (auto size = catalogue->image_size(out->builder_image)) out->size_before_mb = *size;
    }
    r.outcome = std::move(*out);
    return r;
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

std::string json_string_or_null(std::string_view s) { return s.empty() ? "null" : json_quote(s); }
std::string json_number_or_null(double v) { return v > 0 ? fmt::format("{}", v) : "null"; }
std::string json_line_or_null(int line) { return line > 0 ? std::to_string(line) : "null"; }

// The report documented in docs/json-report.md, one line.
std::string json_report(const std::vector<FileReport>& reports) {
    std::string out = R"({"files":[)";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const FileReport& r = reports[i];
        out += (i == 0 ? "{" : ",{") + fmt::format(R"("path":{},)", json_quote(r.name));
        if (!r.outcome) {
            const Error& e = *r.error;
            out +=
                R"("status":"error","ecosystem":null,"confidence":null,"builder_image":null,"runtime_image":null,)"
                R"("size_before_mb":null,"size_after_mb":null,"changes":[],"refusals":[],"notes":[],)";
            out += fmt::format(R"("error":{{"file":{},"line":{},"column":{},"message":{}}}}})",
                               json_quote(r.error_file), json_line_or_null(e.where.line),
                               json_line_or_null(e.where.column), json_quote(e.message));
            continue;
        }
        const Outcome& o = *r.outcome;
        out += fmt::format(
            R"("status":"{}","ecosystem":{},"confidence":{:.2f},"builder_image":{},"runtime_image":{},)",
            status_id(o.status), json_quote(detect::ecosystem_id(o.detection.ecosystem)),
            o.detection.confidence, json_string_or_null(o.builder_image),
            json_string_or_null(o.runtime_image));
        out += fmt::format(R"("size_before_mb":{},"size_after_mb":{},"changes":[)",
                           json_number_or_null(o.size_before_mb), json_number_or_null(o.size_after_mb));
        for (std::size_t k = 0; k < o.changes.size(); ++k) {
            const auto& c = o.changes[k];
            std::string lines =
                c.first_line > 0 ? fmt::format("[{},{}]", c.first_line, std::max(c.first_line, c.last_line))
                                 : "null";
            out += fmt::format(R"({}{{"rule":{},"code":{},"reason":{},"lines":{}}})", k == 0 ? "" : ",",
                               json_quote(c.rule), json_string_or_null(c.code), json_quote(c.reason), lines);
        }
        out += R"(],"refusals":[)";
        for (std::size_t k = 0; k < o.refusals.size(); ++k) {
            const auto& f = o.refusals[k];
            out +=
                fmt::format(R"({}{{"reason":{},"line":{},"unblock":{}}})", k == 0 ? "" : ",",
                            json_quote(f.reason), json_line_or_null(f.line), json_string_or_null(f.unblock));
        }
        out += R"(],"notes":[)";
        for (std::size_t k = 0; k < o.notes.size(); ++k) out += (k == 0 ? "" : ",") + json_quote(o.notes[k]);
        out += R"(],"error":null})";
    }
    return out + "]}\n";
}

void write_stdout(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

}  // namespace

RewriteOne rewrite_one(const RewriteOptions& o, const std::string& file) {
    Catalogues catalogues;
    FileReport r = process(o, file, catalogues);
    RewriteOne one{std::move(r.outcome), r.exit, std::nullopt};
    if (!one.outcome) return one;
    auto catalogue = catalogues.get(o.templates.empty() ? std::nullopt : std::optional<fs::path>(o.templates));
    if (!catalogue) return one;
    for (const auto& [id, runtime] : catalogue->runtimes) {
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
    Catalogues catalogues;
    std::vector<FileReport> reports;
    int worst = kExitOk;
    bool flagged = false;  // a refusal, or a change under --check
    bool first_explained = true;
    for (const std::string& file : o.files) {
        FileReport r = process(o, file, catalogues);
        if (!r.outcome) {
            worst = std::max(worst, r.exit);
            if (json) reports.push_back(std::move(r));
            continue;
        }
        const Outcome& out = *r.outcome;
        const bool rewritten = out.status == Outcome::Status::Rewritten;
        flagged = flagged || out.status == Outcome::Status::Refused || (o.check && rewritten);
        if (o.in_place && rewritten) {
            if (auto written = atomic_write(file, out.text); !written)
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
