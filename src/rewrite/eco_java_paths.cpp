// Java paths: where a command's jar comes from, in the builder and in the build context.
#include <fnmatch.h>

#include "rewrite/eco_java.hpp"
#include "rewrite/sources.hpp"

namespace restage::rewrite::java {

namespace {

using model::Kind;

}  // namespace

bool under_output(const std::string& abs, const BuildStep* build) {
    if (build == nullptr || !under(abs, build->dir)) return false;
    std::string rel = abs.substr(build->dir == "/" ? 1 : build->dir.size() + 1);
    std::string dir = "/" + rel.substr(0, rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/')) + "/";
    return dir.find(build->gradle ? "/build/" : "/target/") != std::string::npos;
}

// A RUN cp/mv that puts a build output at `abs` (or into its folder).
bool moved_from_output(const StageFacts& f, const std::string& abs, const BuildStep* build) {
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != Kind::Run) continue;
        std::string dir = s.workdir;
        for (const auto& words : run_commands(i)) {
            if (words.size() > 1 && words[0] == "cd") dir = join_path(dir, words[1]);
            if (words.empty() || (words[0] != "cp" && words[0] != "mv")) continue;
            std::vector<std::string> args;
            for (size_t k = 1; k < words.size(); ++k) {
                if (!words[k].empty() && words[k][0] != '-') args.push_back(words[k]);
            }
            if (args.size() < 2) continue;
            std::string dest = join_path(dir, args.back());
            for (size_t k = 0; k + 1 < args.size(); ++k) {
                std::string src = join_path(dir, args[k]);
                bool lands = dest == abs || (dest == parent_dir(abs) && (has_glob(base_name(src)) || base_name(src) == base_name(abs)));
                if (lands && under_output(src, build)) return true;
            }
        }
    }
    return false;
}

// The single build output a glob in the command names, by the project's files.
std::variant<std::string, Refuse> resolve_glob(const PlanInput& in, const BuildStep* build, const std::string& abs, int line) {
    std::string dir = parent_dir(abs);
    bool gradle = build != nullptr ? build->gradle : in.detection.ecosystem == detect::Ecosystem::Gradle;
    std::string proj = gradle ? (dir.ends_with("/build/libs") ? parent_dir(parent_dir(dir)) : "")
                              : (base_name(dir) == "target" ? parent_dir(dir) : "");
    std::string where = gradle ? "build/libs/" : "target/";
    std::string unblock = "pass --artifact PATH (the jar the build writes), or name the jar in the command";
    if (proj.empty() || has_glob(dir)) return Refuse{"the command runs `" + abs + "`, a pattern restage cannot match to one build output (not a file name in " + where + ")", line, unblock};
    auto rel = context_path(in.facts, in.ctx, proj, build != nullptr ? build->index : in.facts.steps.back().index);
    std::map<std::string, std::string> props = build != nullptr ? build->properties : std::map<std::string, std::string>{};
    std::vector<std::string> tasks = build != nullptr ? build->goals : std::vector<std::string>{"build"};
    Project p = !rel ? Project{} : gradle ? read_gradle(in.ctx, *rel, proj, props, tasks) : read_maven(in.ctx, *rel, props);
    std::string file = gradle ? "build.gradle" : "pom.xml";
    if (!p.found) return Refuse{"the command runs `" + abs + "`, and no " + file + " in the context says which jar that is", line, unblock};
    std::vector<std::string> hits;
    for (const auto& name : p.outputs) {
        if (fnmatch(base_name(abs).c_str(), name.c_str(), 0) != 0) continue;
        bool excluded = false;
        for (const auto& a : in.tmpl.artifacts) {
            for (const auto& x : a.exclude) excluded = excluded || fnmatch(base_name(x).c_str(), name.c_str(), 0) == 0;
        }
        if (!excluded) hits.push_back(name);
    }
    if (hits.size() == 1) return dir + "/" + hits[0];
    std::string what = !hits.empty() ? "it matches several outputs of " + p.file + " (" + hits[0] + ", " + hits[1] + ")"
                       : !p.unresolved.empty() ? p.unresolved
                                               : "it matches none of the outputs " + p.file + " names";
    return Refuse{"the command runs `" + abs + "`, but " + what, line, unblock};
}

}  // namespace restage::rewrite::java
