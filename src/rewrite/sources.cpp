// Sources and manifests: the source COPY, the dependency fetch around it, the COPY a path came from.
#include "rewrite/sources.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "rewrite/command.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;

bool from_other_stage(const model::Instruction& i) {
    return std::any_of(i.flags.begin(), i.flags.end(), [](const std::string& f) { return f.rfind("--from", 0) == 0; });
}

// A manifest file, or a pattern that names manifests by their own prefix (go.*, package*.json);
// a pattern that starts with a wildcard (*.json) could be anything.
bool is_manifest(const Manifest& m, const std::string& src) {
    std::string s = src.rfind("./", 0) == 0 ? src.substr(2) : src;
    if (std::find(m.files.begin(), m.files.end(), s) != m.files.end()) return true;
    if (s.find_first_of("*?[") == std::string::npos || s.find_first_of("*?[") < 2) return false;
    return std::any_of(m.files.begin(), m.files.end(),
                       [&](const std::string& file) { return fnmatch(s.c_str(), file.c_str(), FNM_PATHNAME) == 0; });
}

}  // namespace

std::vector<std::vector<std::string>> run_commands(const model::Instruction& run) {
    std::vector<std::vector<std::string>> out;
    if (run.kind != Kind::Run || run.args.empty()) return out;
    if (run.json) {
        out.push_back(run.args);
        return out;
    }
    for (const auto& simple : simple_commands(run.args[0])) out.push_back(command_words(simple));
    for (const auto& h : run.heredocs) {
        for (const auto& simple : simple_commands(h.content)) out.push_back(command_words(simple));
    }
    return out;
}

std::optional<size_t> first_source_copy(const StageFacts& f, const Manifest& m, size_t before) {
    for (const auto& s : f.steps) {
        if (s.index >= before) break;
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2) continue;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            if (!is_manifest(m, i.args[k])) return s.index;
        }
    }
    return std::nullopt;
}

bool manifests_copied_before(const StageFacts& f, const Manifest& m, size_t index) {
    for (const auto& s : f.steps) {
        if (s.index >= index) break;
        const auto& i = f.at(s.index);
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2) continue;
        bool all = true;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) all = all && is_manifest(m, i.args[k]);
        if (all) return true;
    }
    return false;
}

std::vector<size_t> fetch_runs_after(const StageFacts& f, const Manifest& m, size_t index) {
    std::vector<size_t> out;
    auto fetch = command_words(m.fetch);
    if (fetch.size() < 2) return out;
    for (const auto& s : f.steps) {
        if (s.index <= index) continue;
        const auto& i = f.at(s.index);
        auto cmds = run_commands(i);
        if (cmds.size() != 1 || cmds[0].size() < 2) continue;
        if (cmds[0][0] == fetch[0] && cmds[0][1] == fetch[1] && i.heredocs.empty()) out.push_back(s.index);
    }
    return out;
}

const Manifest* pick_manifest(const PlanInput& in, const std::string& when) {
    for (const auto& m : in.tmpl.manifests) {
        if (!when.empty() && m.when != when) continue;
        bool ok = std::all_of(m.required.begin(), m.required.end(), [&](const std::string& r) { return in.ctx.exists(r); });
        if (ok) return &m;
    }
    return nullptr;
}

void order_manifests(const PlanInput& in, Build& b, size_t build_index, const Manifest* m) {
    if (m == nullptr) return;
    auto src = first_source_copy(in.facts, *m, build_index);
    if (!src || manifests_copied_before(in.facts, *m, *src)) return;
    b.manifest = m;
    b.insert_manifests_before = src;
    b.drop_from_builder = fetch_runs_after(in.facts, *m, *src);
}

std::string parent_dir(const std::string& p) {
    auto s = p.rfind('/');
    return s == 0 || s == std::string::npos ? "/" : p.substr(0, s);
}
std::string base_name(const std::string& p) { return p.substr(p.rfind('/') + 1); }
bool has_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }
bool under(const std::string& path, const std::string& dir) {
    return dir == "/" ? path.size() > 1 : path.rfind(dir + "/", 0) == 0;
}

std::optional<std::string> context_path(const StageFacts& f, const detect::Context& ctx,
                                        const std::string& abs, size_t before) {
    std::optional<std::string> found;  // the last COPY that brings `abs` wins
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (s.index >= before) break;
        if ((i.kind != Kind::Copy && i.kind != Kind::Add) || from_other_stage(i) || i.args.size() < 2)
            continue;
        std::string dest = join_path(s.workdir, i.args.back());
        std::string slash = dest == "/" ? "" : "/";
        bool into_dir = i.args.back().ends_with("/") || i.args.back() == "." || i.args.size() > 2;
        for (size_t k = 0; k + 1 < i.args.size(); ++k) {
            std::string src = join_path("/", i.args[k]).substr(1);  // "./app/" -> "app", "." -> ""
            if (src.empty() || ctx.is_dir(src)) {                   // a folder: its contents land in dest
                if (abs == dest)
                    found = src;
                else if (under(abs, dest))
                    found = (src.empty() ? "" : src + "/") + abs.substr(dest.size() + slash.size());
            } else if (has_glob(base_name(src))) {
                if (parent_dir(abs) == dest &&
                    fnmatch(base_name(src).c_str(), base_name(abs).c_str(), 0) == 0)
                    found =
                        (src.find('/') == std::string::npos ? "" : parent_dir("/" + src).substr(1) + "/") +
                        base_name(abs);
            } else if (abs == dest + slash + base_name(src) || (!into_dir && abs == dest)) {
                found = src;
            }
        }
    }
    return found;
}

}  // namespace restage::rewrite
