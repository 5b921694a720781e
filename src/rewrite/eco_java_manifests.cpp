// Java dependencies first: copy pom.xml or the Gradle files (and the wrapper) before the sources.
#include <algorithm>

#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"
#include "rewrite/text_util.hpp"

namespace restage::rewrite::java {

namespace {

using model::Kind;

// The builder's user at instruction `index` is root (cache mounts and ~/.m2 belong to it).
bool root_at(const StageFacts& f, size_t index) {
    std::string user;
    for (const auto& s : f.steps) {
        if (s.index >= index) break;
        const auto& i = f.at(s.index);
        if (i.kind == Kind::User && !i.args.empty()) user = i.args[0].substr(0, i.args[0].find(':'));
    }
    return user.empty() || user == "root" || user == "0";
}

// Whether a RUN from `from` to the build makes the wrapper executable.
bool chmods_wrapper(const StageFacts& f, size_t from, const BuildStep& build) {
    std::string wrapper = build.invoke.back().substr(build.invoke.back().rfind('/') + 1);
    for (const auto& s : f.steps) {
        if (s.index <= from || s.index > build.index) continue;
        for (const auto& words : run_commands(f.at(s.index))) {
            if (words.empty() || words[0] != "chmod") continue;
            for (const auto& w : words) {
                if (w.substr(w.rfind('/') + 1) == wrapper) return true;
            }
        }
    }
    return false;
}

// Why the instructions between the source COPY and the build may shape the build (ENV, ARG,
// USER, a RUN that configures the tool), which a dependency step before the sources would miss; "".
std::string prepares_build(const StageFacts& f, size_t from, const BuildStep& build) {
    static const std::vector<std::string> harmless = {"chmod", "ls", "pwd", "cat", "true", "echo"};
    for (const auto& s : f.steps) {
        if (s.index <= from || s.index >= build.index) continue;
        const auto& i = f.at(s.index);
        std::string at = " on line " + std::to_string(i.first_line);
        if (i.kind == Kind::Env || i.kind == Kind::Arg || i.kind == Kind::User)
            return std::string(i.kind == Kind::Env ? "ENV" : i.kind == Kind::Arg ? "ARG" : "USER") + at +
                   " comes after the sources are copied, and a dependency step before them would not see it";
        if (i.kind != Kind::Run) continue;
        for (const auto& words : run_commands(i)) {
            bool redirect = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.find('>') != std::string::npos; });
            bool ok = !words.empty() && !redirect &&
                      (fetch_only(words) || std::find(harmless.begin(), harmless.end(), words[0]) != harmless.end());
            if (!ok) return "the RUN" + at + " prepares the build after the sources are copied";
        }
    }
    return "";
}


}  // namespace

void order_dependencies(const PlanInput& in, const BuildStep& build, bool modules, const std::string& modules_why,
                        Build& b, std::string& in_place) {
    const auto& f = in.facts;
    std::string when = std::string(build.gradle ? "gradle" : "maven") + (build.wrapper ? "-wrapper" : "");
    const Manifest* m = pick_manifest(in, when);
    if (m == nullptr) return;
    auto src_copy = first_source_copy(f, *m, build.index);
    if (!src_copy || manifests_copied_before(f, *m, *src_copy)) return;
    const auto& copy = f.at(*src_copy);
    auto project = context_path(f, in.ctx, build.dir, build.index);
    if (modules) {
        in_place = modules_why + ", and fetching their dependencies before the sources would need every module built";
        return;
    }
    if (!build.own_settings.empty()) {
        in_place = "the build reads `" + build.own_settings + "`, which a dependency step before the sources would not have";
        return;
    }
    if (auto why = prepares_build(f, *src_copy, build); !why.empty()) {
        in_place = why;
        return;
    }
    if (!project) {
        in_place = "the build runs in " + build.dir + ", which no COPY fills from the context";
        return;
    }
    if (!project->empty()) {
        in_place = "the build runs in the context's folder " + *project + "/, and the manifests step copies from the context's root";
        return;
    }

    // The manifests, copied to the build's folder: files together, each folder to its own name.
    std::string workdir;
    for (const auto& s : f.steps) {
        if (s.index == *src_copy) workdir = s.workdir;
    }
    bool here = workdir == build.dir;
    std::string dest = here ? "./" : (build.dir == "/" ? "/" : build.dir + "/");
    std::string flags;
    for (const auto& fl : copy.flags) {
        if (fl.rfind("--chown", 0) == 0 || fl.rfind("--chmod", 0) == 0 || fl.rfind("--link", 0) == 0) flags += fl + " ";
    }
    std::vector<std::string> files, dirs;
    for (auto name : m->files) {
        if (name.ends_with("/")) name.pop_back();
        if (!in.ctx.exists(name)) continue;
        (in.ctx.is_dir(name) ? dirs : files).push_back(name);
    }
    if (files.empty()) return;
    std::string_view src = in.doc.bytes();
    std::string eol = eol_of(src);
    std::string text = "COPY " + flags + joined(files, " ") + " " + dest + eol;
    for (const auto& d : dirs) text += "COPY " + flags + d + " " + (here ? d : dest + d) + eol;

    // The fetch, run as the build runs the tool, with the build's mounts.
    std::string fetch = m->fetch.substr(m->fetch.find(' '));
    fetch = joined(build.invoke, " ") + fetch;
    if (build.wrapper && chmods_wrapper(f, *src_copy, build)) fetch = "chmod +x " + build.invoke.back() + " && " + fetch;
    if (!here) fetch = "cd " + build.dir + " && " + fetch;
    const auto& run = f.at(build.index);
    std::string mounts;
    for (const auto& fl : run.flags) {
        if (fl.rfind("--mount", 0) == 0) mounts += fl + " ";
    }
    std::map<std::string, std::string> vars = {{"manifests", joined(files, " ") + (dirs.empty() ? "" : " " + joined(dirs, "/ ") + "/")},
                                               {"fetch", fetch}};
    std::string_view keyword = src.substr(run.range.begin, 3);
    bool mountable = mounts.empty() && in.options.cache_mounts && enabled(in, "cache-mounts") && !m->cache_mount.empty() && root_at(f, build.index) &&
                     (keyword == "RUN" || keyword == "run");
    if (mountable) {
        mounts = "--mount=type=cache,target=" + m->cache_mount + " ";
        b.builder_edits.push_back({run.range.begin + 3, run.range.begin + 3, " " + mounts.substr(0, mounts.size() - 1)});
        vars["targets"] = m->cache_mount;
    }
    text += "RUN " + mounts + fetch + eol;
    size_t at = comments_above(src, line_begin(src, copy.range.begin));
    b.builder_edits.push_back({at, at, text});

    for (const auto& s : f.steps) {
        if (s.index <= *src_copy || s.index >= build.index) continue;
        auto cmds = run_commands(f.at(s.index));
        if (!cmds.empty() && f.at(s.index).heredocs.empty() && std::all_of(cmds.begin(), cmds.end(), fetch_only))
            b.drop_from_builder.push_back(s.index);
    }
    b.changes.push_back(change(in.tmpl, "deps-before-sources", vars, copy.first_line, copy.last_line));
    if (mountable) b.changes.push_back(change(in.tmpl, "cache-mounts", vars, run.first_line, run.last_line));
}

}  // namespace restage::rewrite::java
