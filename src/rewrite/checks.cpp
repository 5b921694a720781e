// Checks before output: one small function per invariant.
#include "rewrite/checks.hpp"

#include <algorithm>
#include <set>

#include "model/bk_text.hpp"
#include "rewrite/command.hpp"

namespace restage::rewrite {

namespace {

using model::Kind;

Error broken(const std::string& what) {
    return Error{ErrorKind::Internal, "rewrite check failed: " + what, {}, "please report this with the Dockerfile"};
}

// The argv Docker runs for a command instruction.
std::vector<std::string> effective(const std::optional<Command>& c) {
    if (!c) return {};
    if (c->json) return c->argv;
    return {"/bin/sh", "-c", c->shell};
}

bool same_command(const std::optional<Command>& before, const std::optional<Command>& after,
                  const std::optional<std::vector<std::string>>& replacement) {
    if (replacement) return after && after->json && after->argv == *replacement;
    if (!before) return !after;
    if (!after) return false;
    if (effective(before) == effective(after)) return true;
    if (!before->json && after->json) {
        auto argv = exec_form(before->shell);
        return argv && *argv == after->argv;
    }
    return false;
}

std::multiset<std::string> args_of(const StageFacts& f, Kind k) {
    std::multiset<std::string> out;
    for (const auto& s : f.steps) {
        const auto& i = f.at(s.index);
        if (i.kind != k) continue;
        std::string joined = i.json ? "json:" : "";
        for (const auto& a : i.args) joined += a + '\x1f';
        out.insert(joined);
    }
    return out;
}

std::optional<Error> check_stages(const model::Document& doc) {
    if (!doc.typed()) return broken("the typed parse fails: " + doc.typed().error().message);
    std::set<std::string> earlier;
    size_t n = 0;
    for (const auto& stage : doc.typed()->stages) {
        for (size_t idx : stage.commands) {
            const auto& i = doc.instructions()[idx];
            if (i.kind != Kind::Copy) continue;
            for (const auto& flag : i.flags) {
                if (flag.rfind("--from=", 0) != 0) continue;
                std::string from = model::bk::to_lower(flag.substr(7));
                bool index = !from.empty() && std::all_of(from.begin(), from.end(), ::isdigit) && std::stoul(from) < n;
                if (!earlier.count(from) && !index) return broken("COPY " + flag + " names no earlier stage");
            }
        }
        if (!stage.name.empty()) earlier.insert(stage.name);
        ++n;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Error> check_output(const model::Document& original, const std::string& text, const Build& b,
                                  const PlanInput& in) {
    auto doc = model::Document::parse(text);
    if (!doc) return broken("the output does not parse: " + doc.error().message);
    if (auto e = check_stages(*doc)) return e;

    // The original's facts as the planner saw them (with the builder image's ENV, e.g. GOPATH);
    // the output's runtime stage writes its WORKDIR as an absolute path.
    const StageFacts& before = in.facts;
    (void)original;
    StageFacts after = analyse(*doc);
    if (!same_command(before.entrypoint, after.entrypoint, b.entrypoint)) return broken("ENTRYPOINT changed");
    if (!same_command(before.cmd, after.cmd, b.cmd)) return broken("CMD changed");
    for (Kind k : {Kind::Expose, Kind::Label, Kind::Healthcheck, Kind::Volume, Kind::Stopsignal}) {
        if (args_of(before, k) != args_of(after, k)) return broken(std::string(model::kind_name(k)) + " changed");
    }
    if (before.has_workdir && before.final_workdir != after.final_workdir) return broken("WORKDIR changed");
    for (const auto& key : before.env_keys) {
        bool build_only = std::find(b.build_only_env.begin(), b.build_only_env.end(), key) != b.build_only_env.end();
        if (!build_only && std::find(after.env_keys.begin(), after.env_keys.end(), key) == after.env_keys.end())
            return broken("ENV " + key + " is missing from the final stage");
    }
    if (in.options.nonroot && enabled(in, "runtime-nonroot") && !(b.user && b.user->empty()) &&
        root_home_path(before.final_workdir, b.artifacts).empty() && privileged_port(before) == 0) {
        std::string u = after.user_name.substr(0, after.user_name.find(':'));
        if (u.empty() || u == "root" || u == "0") return broken("the final stage runs as root");
    }
    return std::nullopt;
}

}  // namespace restage::rewrite
