// `restage detect`: the ecosystem a Dockerfile builds, with the evidence, as text or JSON.
#include <fmt/core.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/app.hpp"
#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rewrite_file.hpp"
#include "detect/detect.hpp"
#include "model/document.hpp"
#include "syntax/json_writer.hpp"

namespace restage::cli {

namespace {

// `  Dockerfile:3: base image golang:1.22` or `  go.mod: declares module example.com/app`.
std::string evidence_line(std::string_view name, const detect::Evidence& e) {
    if (e.line > 0) return fmt::format("  {}:{}: {}", name, e.line, e.fact);
    return fmt::format("  {}: {}", e.file, e.fact);
}

std::string text_report(std::string_view name, const detect::Detection& d) {
    std::string out;
    if (d.ecosystem == detect::Ecosystem::Unknown) {
        out += "ecosystem: unknown\n";
        if (d.evidence.empty()) out += "  nothing recognised\n";
        for (const auto& e : d.evidence) {
            std::string tag = e.points_to == detect::Ecosystem::Unknown ? "" : fmt::format(" [{}]", detect::ecosystem_id(e.points_to));
            out += evidence_line(name, e) + tag + "\n";
        }
        return out;
    }
    out += fmt::format("ecosystem: {} (confidence {:.2f})\n", detect::ecosystem_id(d.ecosystem), d.confidence);
    if (!d.flavor.empty() && d.flavor != d.package_manager) out += fmt::format("flavor: {}\n", d.flavor);
    if (!d.package_manager.empty()) out += fmt::format("package manager: {}\n", d.package_manager);
    std::vector<const detect::Evidence*> others;
    for (const auto& e : d.evidence) {
        if (e.points_to == d.ecosystem) out += evidence_line(name, e) + "\n";
        else others.push_back(&e);
    }
    if (!d.also_seen.empty()) {
        std::string ids;
        for (auto e : d.also_seen) ids += (ids.empty() ? "" : ", ") + std::string(detect::ecosystem_id(e));
        out += fmt::format("also seen: {}\n", ids);
    }
    if (!others.empty()) out += "other evidence:\n";
    for (const auto* e : others) {
        out += fmt::format("{} [{}]\n", evidence_line(name, *e), detect::ecosystem_id(e->points_to));
    }
    return out;
}

// JsonWriter has no number type for fractions, so the report is assembled here with its quoting.
std::string json_report(std::string_view name, const detect::Detection& d) {
    using restage::json_quote;
    std::string out = fmt::format(R"({{"file":{},"ecosystem":{},"confidence":{:.2f},"flavor":{},"package_manager":{},"evidence":[)",
                                  json_quote(name), json_quote(detect::ecosystem_id(d.ecosystem)), d.confidence,
                                  json_quote(d.flavor), json_quote(d.package_manager));
    for (std::size_t i = 0; i < d.evidence.size(); ++i) {
        const auto& e = d.evidence[i];
        out += fmt::format(R"({}{{"ecosystem":{},"fact":{},"line":{},"file":{},"weight":{}}})", i == 0 ? "" : ",",
                           json_quote(detect::ecosystem_id(e.points_to)), json_quote(e.fact),
                           e.line > 0 ? std::to_string(e.line) : "null", e.file.empty() ? "null" : json_quote(e.file),
                           e.weight);
    }
    out += R"(],"also_seen":[)";
    for (std::size_t i = 0; i < d.also_seen.size(); ++i) {
        out += (i == 0 ? "" : ",") + json_quote(detect::ecosystem_id(d.also_seen[i]));
    }
    out += "]}\n";
    return out;
}

}  // namespace

void add_detect_command(CLI::App& app, DetectOptions& opts) {
    auto* cmd = app.add_subcommand("detect", "Print the ecosystem a Dockerfile builds, and the evidence for it");
    cmd->add_option("file", opts.file, "Dockerfile, or - for standard input")->required();
    cmd->add_option("--context", opts.context, "the build context (default: the Dockerfile's folder)")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--format", opts.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--templates", opts.templates, "templates overlaid on the built-ins (their detection signals count)")
        ->check(CLI::ExistingDirectory);
}

int run_detect(const DetectOptions& opts) {
    std::string name = display_name(opts.file);
    auto input = read_input(opts.file);
    if (!input) return report(name, "", input.error());
    std::string source = *input;
    auto doc = model::Document::parse(std::move(*input));
    if (!doc) return report(name, source, doc.error());

    std::filesystem::path dir = opts.context;
    if (dir.empty()) {
        dir = opts.file == "-" ? std::filesystem::path(".") : std::filesystem::path(opts.file).parent_path();
        if (dir.empty()) dir = ".";
    }
    // The templates' signals count, as when rewriting: .restage.yaml and --templates apply.
    RunCache cache;
    FileReport r{opts.file, name, source, std::nullopt, std::nullopt, "", "", kExitOk};
    auto loaded = load_for(opts.file, opts.templates, cache, r);
    if (!loaded) {
        std::fputs(error_text(r, color_for(STDERR_FILENO)).c_str(), stderr);
        return r.exit;
    }
    detect::Detection d = detect::classify(*doc, detect::Context::from_dir(dir), loaded->catalogue->signals());
    fmt::print("{}", opts.format == "json" ? json_report(name, d) : text_report(name, d));
    return kExitOk;
}

}  // namespace restage::cli
